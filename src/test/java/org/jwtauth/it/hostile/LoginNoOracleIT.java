package org.jwtauth.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jwtauth.it.hostile.HostileApp.ALICE_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.BAD_CREDENTIALS;
import static org.jwtauth.it.hostile.HostileApp.DORA_PASSWORD;
import static org.jwtauth.it.hostile.HostileApp.assertEndpointError;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.it.support.WebXml;

/**
 * The login endpoint is no oracle for which usernames exist (RFC 6749 section 5.2, OWASP ASVS V2.2.1): an
 * unknown user, a wrong password and a disabled account (modelled by an application authenticator that refuses
 * "dora" although the realm knows her password) get the same status, headers and body.
 */
class LoginNoOracleIT {

    @Nested class Jetty extends Spec { }
    @Nested class Tomcat extends Spec { }

    abstract static class Spec extends DeployedSpec {
        private HostileApp app;
        /** The same realm with the default (container) authenticator, which knows nothing of disabled accounts. */
        private HostileApp realmOnly;

        @Override
        protected void deploy() throws Exception {
            app = closeAfterAll(HostileApp.deploy(kind(), WebXml.contextParam("jwtauth.login.authenticator",
                    DisablingAuthenticator.class.getName()), b -> { }));
            realmOnly = closeAfterAll(HostileApp.deploy(kind(), "", b -> { }));
        }

        private HttpResult login(String contentType, String username, String password) {
            return contentType.equals("application/json") ? app.auth().login(username, password)
                    : app.auth().loginForm(username, password);
        }

        /** Everything but the Date header, which only says when. */
        private static Map<String, List<String>> headersWithoutDate(HttpResult result) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(result.headers());
            headers.remove("Date");
            return headers;
        }

        @Test
        void loginWhenUnknownUserWrongPasswordOrDisabledAccountThenTheSameAnswer() {
            for (String type : new String[] {"application/json", "application/x-www-form-urlencoded"}) {
                HttpResult unknown = login(type, "mallory", ALICE_PASSWORD);
                HttpResult wrong = login(type, "alice", "not-" + ALICE_PASSWORD);
                HttpResult disabled = login(type, "dora", DORA_PASSWORD);

                assertEndpointError(unknown, 400, "invalid_grant", BAD_CREDENTIALS);
                assertEquals(unknown.status(), wrong.status(), wrong::toString);
                assertEquals(unknown.body(), wrong.body(), wrong::toString);
                assertEquals(headersWithoutDate(unknown), headersWithoutDate(wrong), wrong::toString);
                assertEquals(unknown.status(), disabled.status(), disabled::toString);
                assertEquals(unknown.body(), disabled.body(), disabled::toString);
                assertEquals(headersWithoutDate(unknown), headersWithoutDate(disabled), disabled::toString);
            }
        }

        @Test
        void loginWhenAccountIsEnabledAndPasswordRightThenTokens() {
            // The control: the same authenticator lets an enabled user in, so the refusals above are about dora.
            assertEquals(200, login("application/json", "alice", ALICE_PASSWORD).status());
        }

        @Test
        void loginWhenDisabledAccountMeetsOnlyTheContainerAuthenticatorThenTokensSoItsPasswordIsRight() {
            HttpResult result = realmOnly.auth().login("dora", DORA_PASSWORD);
            assertEquals(200, result.status(), result::toString);
        }
    }
}
