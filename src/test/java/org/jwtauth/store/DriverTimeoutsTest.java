package org.jwtauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The driver properties that bound how long a dead database can hold a request thread. */
class DriverTimeoutsTest {

    private static final Duration CONNECT = Duration.ofSeconds(3);
    private static final Duration QUERY = Duration.ofSeconds(7);

    @Test
    void forUrlWhenPostgresqlThenSecondsAndASocketTimeoutBeyondTheQueryTimeout() {
        Properties p = DriverTimeouts.forUrl("jdbc:postgresql://db:5432/app", CONNECT, QUERY);
        assertEquals("3", p.getProperty("connectTimeout"));
        assertEquals("3", p.getProperty("loginTimeout"));
        assertEquals("10", p.getProperty("socketTimeout"));
    }

    @Test
    void forUrlWhenMariadbOrMysqlThenMilliseconds() {
        for (String url : new String[] {"jdbc:mariadb://db/app", "jdbc:mysql://db/app"}) {
            Properties p = DriverTimeouts.forUrl(url, CONNECT, QUERY);
            assertEquals("3000", p.getProperty("connectTimeout"), url);
            assertEquals("10000", p.getProperty("socketTimeout"), url);
        }
    }

    @Test
    void forUrlWhenTheUrlAlreadySetsATimeoutThenTheDeployersValueWins() {
        Properties p = DriverTimeouts.forUrl("jdbc:postgresql://db/app?socketTimeout=60&ConnectTimeout=1", CONNECT,
                QUERY);
        assertFalse(p.containsKey("socketTimeout"));
        assertFalse(p.containsKey("connectTimeout"));
        assertTrue(p.containsKey("loginTimeout"));
    }

    @Test
    void forUrlWhenAnotherDriverThenNothingItMightMisread() {
        assertTrue(DriverTimeouts.forUrl("jdbc:h2:mem:x", CONNECT, QUERY).isEmpty());
        assertTrue(DriverTimeouts.forUrl("jdbc:oracle:thin:@db:1521/app", CONNECT, QUERY).isEmpty());
    }
}
