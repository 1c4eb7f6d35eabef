package org.jwtauth.web;

import org.jwtauth.config.ConfigurationException;
import org.jwtauth.config.EnvironmentException;

/**
 * Why the listener could not start the library, published under {@link JwtAuthComponents#ATTRIBUTE} in place of
 * the components, so that a filter or servlet the container still initialises says what failed instead of
 * guessing. A configuration error's message names the key and never its value; of any other failure only the
 * type is repeated here (its message may carry a JDBC URL or a file's content): the log has the rest.
 */
final class StartupFailure {

    private final String reason;

    private StartupFailure(String reason) {
        this.reason = reason;
    }

    static StartupFailure of(RuntimeException e) {
        return new StartupFailure(e instanceof ConfigurationException || e instanceof EnvironmentException
                ? e.getMessage()
                : e.getClass().getName() + " at start-up (see the container's log)");
    }

    @Override
    public String toString() {
        return reason;
    }
}
