package org.jwtauth.login;

import java.util.List;

import org.jwtauth.config.ConfigKeys;
import org.jwtauth.config.ConfigurationException;

/**
 * This package's factory: turns {@code jwtauth.login.authenticator} into an instance, failing at start-up with the
 * key's name.
 */
public final class AuthenticatorFactory {

    private AuthenticatorFactory() {
    }

    public static UserAuthenticator create(String value, List<String> candidateRoles, ClassLoader loader) {
        if ("container".equals(value)) {
            return new ContainerRealmAuthenticator(candidateRoles);
        }
        Class<?> type;
        try {
            type = Class.forName(value, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException(ConfigKeys.AUTHENTICATOR,
                    "expected 'container' or the name of a class on the web application's class path; " + value
                            + " was not found");
        }
        if (!UserAuthenticator.class.isAssignableFrom(type)) {
            throw new ConfigurationException(ConfigKeys.AUTHENTICATOR,
                    value + " does not implement " + UserAuthenticator.class.getName());
        }
        try {
            return (UserAuthenticator) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConfigurationException(ConfigKeys.AUTHENTICATOR,
                    value + " needs a public no-argument constructor that does not throw");
        }
    }
}
