package org.jwtauth.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jwtauth.it.TokenLifecycleIT.AFTER_CONCURRENT_USE_GRACE;
import static org.jwtauth.it.TokenLifecycleIT.assertError;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.AuthCalls;
import org.jwtauth.it.support.AuthCalls.Tokens;
import org.jwtauth.it.support.DeployedApp;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.Users;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.it.support.WebXml;
import org.jwtauth.testing.TokenForge;

/**
 * The authentication events and the JMX counters in both containers, over one scenario: a login, two wrong
 * passwords, two calls with the access token (a cache miss, then a hit), a refresh, the rotated refresh token
 * replayed (reuse), and a forged token at the filter. The counters are read through the platform MBean server by
 * their ObjectName; a listener registered through the facade and one named in {@code jwtauth.events.listeners}
 * receive the same events, none carrying a token, a password, the secret or a token hash; a listener that throws
 * on every event and a slow one are configured too, and change no answer.
 */
class AuthEventsIT {

    static final String SECRET = "events-secret-0123456789-0123456789-abcdef";
    static final String ALICE_PASSWORD = "alice-Events-pw-1";
    static final String BOB_PASSWORD = "bob-Events-pw-1";
    static final String WRONG_PASSWORD = "wrong-Events-pw-9";
    static final Users USERS = Users.none().with("alice", ALICE_PASSWORD, "user").with("bob", BOB_PASSWORD, "user");

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    /** The events web app: the realm's users, the recorder servlet and the listeners of the key. */
    static WebAppDirectory webApp(String name, String listeners) throws Exception {
        return WebAppDirectory.builder()
                .webXml(WebXml.of(WebXml.contextParam("jwtauth.secret", SECRET)
                        + WebXml.contextParam("jwtauth.accessToken.lifetime", "PT5M")
                        + WebXml.contextParam("jwtauth.login.roles", "user")
                        + WebXml.contextParam("jwtauth.store.url", "jdbc:h2:file:"
                                + ItBuild.newWorkDir(name).resolve("tokens").toAbsolutePath())
                        + WebXml.contextParam("jwtauth.cleanup.interval", "PT1H")
                        + WebXml.contextParam("jwtauth.events.listeners", listeners)
                        + WebXml.servlet("me", MeServlet.class, "/api/me")
                        + WebXml.servlet("recorder", EventRecorderServlet.class, "/recorded-events")
                                .replace("</servlet-class>", "</servlet-class><load-on-startup>1</load-on-startup>")
                        + WebXml.basicLogin("events", "user")))
                .classes(MeServlet.class, EventRecorderServlet.class, EventListeners.class)
                .build();
    }

    static Map<String, Long> counters(ObjectName name) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, Long> values = new LinkedHashMap<>();
        for (String attribute : List.of("Logins", "LoginFailures", "Refreshes", "RefreshFailures", "ReuseDetected",
                "Logouts", "SessionsRevoked", "TokensRejected", "StoreUnavailable", "CleanupDeleted", "CacheHits",
                "CacheMisses", "EventsDropped")) {
            values.put(attribute, (Long) server.getAttribute(name, attribute));
        }
        return values;
    }

    static Map<String, Long> zeroExcept(Object... nameValues) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String attribute : List.of("Logins", "LoginFailures", "Refreshes", "RefreshFailures", "ReuseDetected",
                "Logouts", "SessionsRevoked", "TokensRejected", "StoreUnavailable", "CleanupDeleted", "CacheHits",
                "CacheMisses", "EventsDropped")) {
            values.put(attribute, 0L);
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            values.put((String) nameValues[i], ((Number) nameValues[i + 1]).longValue());
        }
        return values;
    }

    /** JUL records of the audit logger: the web app has no SLF4J provider, so its lines go there. */
    static final class AuditRecords extends Handler implements AutoCloseable {
        private final Logger logger = Logger.getLogger("org.jwtauth.audit");
        final List<LogRecord> records = new CopyOnWriteArrayList<>();

        AuditRecords() {
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }

        List<String> atLeast(Level level) {
            return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                    .map(r -> r.getLevel() + " " + new SimpleFormatter().formatMessage(r))
                    .collect(Collectors.toList());
        }
    }

    abstract static class Spec extends DeployedSpec {
        private DeployedApp app;
        private AuthCalls auth;

        @Override
        protected void deploy() throws Exception {
            app = deploy(webApp("events", EventListeners.Throwing.class.getName() + ","
                    + EventListeners.Slow.class.getName() + "," + EventListeners.Recording.class.getName()),
                    "/events", USERS);
            auth = AuthCalls.on(app);
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> recorded(String listener, int expected) throws InterruptedException {
            // Listeners run on the event thread, after the answer; the slow one delays the others.
            Instant deadline = Instant.now().plusSeconds(30);
            List<Map<String, Object>> events;
            do {
                HttpResult result = app.http().get(app.uri("/recorded-events"));
                assertEquals(200, result.status(), result::toString);
                events = (List<Map<String, Object>>) result.json().get(listener);
                if (events.size() >= expected) {
                    return events;
                }
                Thread.sleep(100);
            } while (Instant.now().isBefore(deadline));
            return events;
        }

        @Test
        void scenarioWhenLoginFailuresRefreshReuseAndAForgedTokenThenExactlyTheirCountersMoveAndListenersSeeNoSecret()
                throws Exception {
            Instant start = Instant.now().minusSeconds(1);
            ObjectName name = new ObjectName("org.jwtauth:type=JwtAuth,context=/events");
            assertEquals(zeroExcept(), counters(name), "nothing counted before the first request");

            List<String> audit;
            List<String> secrets = new ArrayList<>(List.of(SECRET, ALICE_PASSWORD, BOB_PASSWORD, WRONG_PASSWORD));
            try (AuditRecords records = new AuditRecords()) {
                HttpResult login = auth.login("alice", ALICE_PASSWORD);
                assertEquals(200, login.status(), login::toString);
                Tokens first = AuthCalls.tokens(login);
                assertError(auth.login("bob", WRONG_PASSWORD), 400, "invalid_grant");
                assertError(auth.login("bob", WRONG_PASSWORD), 400, "invalid_grant");
                assertEquals(200, auth.api("/api/me", first.access()).status());
                assertEquals(200, auth.api("/api/me", first.access()).status());
                HttpResult refresh = auth.refresh(first.access(), first.refresh());
                assertEquals(200, refresh.status(), refresh::toString);
                Tokens second = AuthCalls.tokens(refresh);
                Thread.sleep(AFTER_CONCURRENT_USE_GRACE.toMillis());
                assertError(auth.refresh(first.access(), first.refresh()), 400, "invalid_grant");
                String forged = TokenForge.hs256("another-secret-0123456789-0123456789-xyz".getBytes(
                        StandardCharsets.UTF_8)).accessToken("jwt-servlet-auth", "jwt-servlet-auth/events", "alice",
                        Instant.now().getEpochSecond(), 300).sign();
                HttpResult rejected = auth.api("/api/me", forged);
                assertEquals(401, rejected.status(), rejected::toString);

                assertEquals(zeroExcept("Logins", 1, "LoginFailures", 2, "Refreshes", 1, "RefreshFailures", 1,
                        "ReuseDetected", 1, "TokensRejected", 1, "CacheHits", 1, "CacheMisses", 2), counters(name));

                String sid = (String) first.accessClaims().get("sid");
                List<String> expected = List.of("LOGIN null alice " + sid, "LOGIN_FAILED BAD_CREDENTIALS bob null",
                        "LOGIN_FAILED BAD_CREDENTIALS bob null", "REFRESH null alice " + sid,
                        "REFRESH_FAILED REUSED alice " + sid, "REUSE_DETECTED null alice " + sid,
                        "TOKEN_REJECTED INVALID null null");
                List<Map<String, Object>> facade = recorded("facade", expected.size());
                List<Map<String, Object>> configured = recorded("configured", expected.size());
                assertEquals(expected, facade.stream().map(e -> e.get("type") + " " + e.get("reason") + " "
                        + e.get("subject") + " " + e.get("sessionId")).collect(Collectors.toList()));
                assertEquals(facade, configured, "the configured listener saw the same events");
                for (Map<String, Object> event : facade) {
                    Instant time = Instant.parse((String) event.get("time"));
                    assertTrue(!time.isBefore(start) && !time.isAfter(Instant.now()), event::toString);
                    assertEquals("127.0.0.1", event.get("clientAddress"), event::toString);
                }

                secrets.addAll(List.of(first.access(), first.refresh(), second.access(), second.refresh(), forged));
                for (String token : List.of(first.refresh(), second.refresh())) {
                    byte[] hash = MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(StandardCharsets.US_ASCII));
                    secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
                    secrets.add(HexFormat.of().formatHex(hash));
                }
                // Every field of every event, and the text of the audit lines.
                for (Map<String, Object> event : facade) {
                    for (Object field : event.values()) {
                        for (String secret : secrets) {
                            assertFalse(String.valueOf(field).contains(secret), () -> "an event field holds a"
                                    + " secret: " + event);
                        }
                    }
                }
                audit = records.atLeast(Level.ALL);
            }
            for (String line : audit) {
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), () -> "an audit line holds a secret: " + line);
                }
            }
            List<String> warnings = audit.stream().filter(l -> l.startsWith(Level.WARNING + " "))
                    .collect(Collectors.toList());
            assertAll(
                    () -> assertEquals(1, warnings.size(), audit::toString),
                    () -> assertTrue(warnings.get(0).contains("reuse_detected subject=alice"), warnings::toString),
                    () -> assertTrue(audit.stream().noneMatch(l -> l.startsWith(Level.INFO + " login ")),
                            "no INFO line for a routine login: " + audit));
        }
    }
}
