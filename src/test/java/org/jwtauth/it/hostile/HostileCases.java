package org.jwtauth.it.hostile;

import java.nio.charset.StandardCharsets;

import org.jwtauth.it.support.ContainerKind;
import org.jwtauth.it.support.HttpResult;
import org.jwtauth.testing.TokenForge;

/** What every group of hostile-input cases needs from the deployment they run against. */
interface HostileCases {

    HostileApp app();

    ContainerKind kind();

    /** A correct access token for alice, to change in one thing. */
    default TokenForge forge() {
        return app().forge();
    }

    /** A correct, hand-forged access token. */
    default String validToken() {
        return forge().sign();
    }

    /** HMAC-SHA256 by hand with the deployment's own secret, for header or payload texts jose4j would not sign. */
    default String signedBySecret(TokenForge token) {
        return token.mac(HostileApp.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The token as a bearer token on the protected URL; asserts it never reached the application. */
    default HttpResult bearer(String token) {
        return app().refused(() -> app().bearer(token));
    }

    /** The protected URL with this Authorization value; asserts it never reached the application. */
    default HttpResult withAuthorization(String value) {
        app().remember(value);
        return app().refused(() -> app().app().http().get(app().api(), "Authorization", value));
    }

    /** The protected URL with these exact header lines (sent raw); asserts it never reached the application. */
    default HttpResult withHeaderLines(String... headerLines) {
        return app().refused(() -> app().app().raw().send("GET", app().api().getRawPath(), null, headerLines));
    }
}
