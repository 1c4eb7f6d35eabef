package org.jwtauth.token;

import java.time.Clock;

import org.jwtauth.config.Settings;

/** This package's factory: the issuer and the verifier of our own access tokens, from the settings and keys. */
public final class AccessTokenFactory {

    private AccessTokenFactory() {
    }

    public static AccessTokenIssuer issuer(Settings settings, SigningKeys keys, Clock clock) {
        return new AccessTokenIssuer(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), clock);
    }

    public static AccessTokenVerifier verifier(Settings settings, SigningKeys keys, Clock clock) {
        return AccessTokenVerifier.forOwnTokens(keys, settings.issuer(), settings.audience(), settings.rolesClaim(),
                settings.accessTokenLifetime(), settings.clockSkew(), clock);
    }
}
