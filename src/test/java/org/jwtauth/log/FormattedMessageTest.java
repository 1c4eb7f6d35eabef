package org.jwtauth.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The java.util.logging path formats messages as SLF4J does, so a line reads the same on both paths. */
class FormattedMessageTest {

    @Test
    void placeholdersWhenArgumentsGivenThenFilledInOrder() {
        FormattedMessage m = FormattedMessage.of("family {} of {} revoked ({} tokens)", "f1", "alice", 3);
        assertEquals("family f1 of alice revoked (3 tokens)", m.text());
        assertNull(m.thrown());
    }

    @Test
    void lastArgumentWhenThrowableWithoutPlaceholderThenItIsTheRecordsException() {
        IllegalStateException e = new IllegalStateException("boom");
        FormattedMessage m = FormattedMessage.of("{} failed unexpectedly", "jwtauth-login", e);
        assertEquals("jwtauth-login failed unexpectedly", m.text());
        assertSame(e, m.thrown());
    }

    @Test
    void throwableWhenItHasAPlaceholderThenFormattedAndNotTheException() {
        IllegalStateException e = new IllegalStateException("boom");
        FormattedMessage m = FormattedMessage.of("failed: {}", e);
        assertEquals("failed: " + e, m.text());
        assertNull(m.thrown());
    }

    @Test
    void placeholdersWhenArgumentsMissingThenLeftAsTheyAre() {
        assertEquals("a 1 {}", FormattedMessage.of("a {} {}", 1).text());
        assertEquals("no placeholder", FormattedMessage.of("no placeholder").text());
        assertEquals("null value", FormattedMessage.of("{} value", (Object) null).text());
    }
}
