package org.jwtauth.keys;

import org.jwtauth.config.Settings;
import org.jwtauth.token.SigningKeys;

/** This package's factory: the signing keys a deployment's settings describe. */
public final class SigningKeysFactory {

    private SigningKeysFactory() {
    }

    /** The shared secret (and the one before a rotation) for HS*, else the keys of {@code jwtauth.keys}, read and checked now. */
    public static SigningKeys from(Settings settings) {
        return settings.algorithm().isSymmetric() ? new HmacSigningKeys(settings.algorithm(), settings.secret(),
                settings.previousSecret())
                : AsymmetricSigningKeys.load(settings.algorithm(), settings.keyFiles());
    }
}
