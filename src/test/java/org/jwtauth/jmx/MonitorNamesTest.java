package org.jwtauth.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

/** {@code org.jwtauth:type=JwtAuth,context=...} and, where needed, {@code host=...}. */
class MonitorNamesTest {

    @Test
    void nameWhenAContextPathThenThatPathUnquoted() throws Exception {
        ObjectName name = MonitorNames.of("/shop", null);
        assertEquals("org.jwtauth:type=JwtAuth,context=/shop", name.toString());
        assertEquals("/shop", name.getKeyProperty("context"));
    }

    @Test
    void nameWhenTheRootContextThenASlash() {
        assertEquals("org.jwtauth:type=JwtAuth,context=/", MonitorNames.of("", null).toString());
    }

    @Test
    void nameWhenAValueHoldsCharactersObjectNamesReserveThenQuoted() {
        ObjectName name = MonitorNames.of("/a,b=c:d*", "shop.example");
        assertEquals("org.jwtauth:type=JwtAuth,context=\"/a,b=c:d\\*\",host=shop.example", name.toString());
        assertEquals(ObjectName.quote("/a,b=c:d*"), name.getKeyProperty("context"));
    }

    @Test
    void nameWhenAHostIsGivenThenAHostKey() {
        assertEquals("org.jwtauth:type=JwtAuth,context=/shop,host=www.example.org",
                MonitorNames.of("/shop", "www.example.org").toString());
    }

    @Test
    void distinctWhenTheNameIsTakenThenAnInstanceKeyCountingFromTwo() {
        assertEquals("org.jwtauth:type=JwtAuth,context=/shop,instance=2",
                MonitorNames.distinct(MonitorNames.of("/shop", null), 2).toString());
    }

    @Test
    void hostOfWhenTomcatsEngineAndHostThenTheHostPart() {
        assertEquals("localhost", MonitorNames.hostOf("Catalina/localhost"));
        assertEquals("www.example.org", MonitorNames.hostOf("www.example.org"));
        assertEquals(null, MonitorNames.hostOf(null));
    }
}
