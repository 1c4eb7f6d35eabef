package org.jwtauth.store;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * Makes a database failure reach the caller at once. By default EclipseLink re-runs a failed read up to three
 * times, five seconds apart, and first checks the connection with a ping statement: against a database that has
 * stopped answering that multiplies the configured timeouts into half a minute or more per request. The caller
 * answers 503 instead and the client retries, which is safe: a failure never burns a token.
 * Public with a no-arg constructor because EclipseLink instantiates it by name ({@code eclipselink.session.customizer}).
 */
public final class FailFastSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin) {
            DatabaseLogin login = (DatabaseLogin) session.getDatasourceLogin();
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
            login.setConnectionHealthValidatedOnError(false);
        }
    }
}
