package org.jwtauth.web;

import java.util.List;
import java.util.Objects;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.jwtauth.events.AuthEvent;
import org.jwtauth.events.AuthEventListener;
import org.jwtauth.events.AuthEvents;
import org.jwtauth.refresh.RefreshTokenService;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.refresh.UserSession;

/**
 * What the application's own code may ask of the library, for example when it changes a password or disables an
 * account:
 *
 * <pre>{@code
 * JwtAuth auth = JwtAuth.from(request.getServletContext());
 * List<UserSession> devices = auth.sessions("alice");   // most recently used first
 * auth.revokeSession("alice", devices.get(0).sessionId()); // sign one device out
 * auth.revokeAllSessions("alice");                        // password changed, account disabled
 * }</pre>
 *
 * A revoked session's refresh token no longer works, so its user must log in again once the current access
 * token expires. Thread-safe; one instance per web application. Every method reaches the database and throws
 * {@link StoreUnavailableException} (unchecked) when it cannot, which an application answers as it answers any
 * outage of its own database (the library's endpoints answer 503).
 */
public final class JwtAuth {

    private final RefreshTokenService sessions;
    private final AuthEvents events;

    private JwtAuth(RefreshTokenService sessions, AuthEvents events) {
        this.sessions = sessions;
        this.events = events;
    }

    /**
     * The library of this web application.
     *
     * @param context the web application's servlet context
     * @return the facade of the library deployed in that application
     * @throws IllegalStateException when it did not start (a wrong configuration; the log says why) or is not
     *         deployed in this application
     */
    public static JwtAuth from(ServletContext context) {
        try {
            JwtAuthComponents components = JwtAuthComponents.from(context);
            return new JwtAuth(components.refreshTokens, components.events);
        } catch (ServletException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The user's active sessions (one per login on a device), the most recently used first; never a token.
     *
     * @param subject the user (the {@code sub} of their tokens)
     * @return the sessions, empty when the user has none
     */
    public List<UserSession> sessions(String subject) {
        return sessions.sessions(Objects.requireNonNull(subject, "subject"));
    }

    /**
     * Ends one of the user's sessions; an unknown id, or another user's, changes nothing.
     *
     * @param subject the user (the {@code sub} of their tokens)
     * @param sessionId the session's id, as in {@link UserSession}
     */
    public void revokeSession(String subject, String sessionId) {
        if (sessions.revokeSession(Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(sessionId,
                "sessionId"))) {
            events.publish(AuthEvent.sessionRevoked(subject, sessionId, null));
        }
    }

    /**
     * Ends every session of the user, on every device.
     *
     * @param subject the user (the {@code sub} of their tokens)
     */
    public void revokeAllSessions(String subject) {
        sessions.revokeAll(Objects.requireNonNull(subject, "subject"));
        events.publish(AuthEvent.logoutAllDevices(subject, null, null));
    }

    /**
     * Adds a listener for this web application's authentication events from now on, beside those of
     * {@code jwtauth.events.listeners}; called on the library's event thread, never on a request thread
     * ({@link AuthEventListener}). It stays until the application is undeployed.
     *
     * @param listener the listener
     */
    public void addListener(AuthEventListener listener) {
        events.addListener(Objects.requireNonNull(listener, "listener"));
    }
}
