package org.jwtauth.events;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One authentication event: what happened, when, to whom (where known), from which client address. Immutable.
 * There is deliberately no field for a token, a password, a secret or a token hash, so none can leak through a
 * listener; the session id is the {@code sid} claim of the session's access tokens, which proves nothing by
 * itself. The time is set when the event is published, by the web application's clock.
 */
public final class AuthEvent {

    private final AuthEventType type;
    private final AuthEventReason reason;
    private final Instant time;
    private final String subject;
    private final String sessionId;
    private final String clientAddress;

    private AuthEvent(AuthEventType type, AuthEventReason reason, Instant time, String subject, String sessionId,
                      String clientAddress) {
        this.type = Objects.requireNonNull(type, "type");
        this.reason = reason;
        this.time = time;
        this.subject = subject;
        this.sessionId = sessionId;
        this.clientAddress = clientAddress;
    }

    private static AuthEvent of(AuthEventType type, AuthEventReason reason, String subject, String sessionId,
                                String clientAddress) {
        return new AuthEvent(type, reason, null, subject, sessionId, clientAddress);
    }

    /**
     * A successful login.
     *
     * @param subject the user (the token's {@code sub})
     * @param sessionId the session ({@code sid})
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent login(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.LOGIN, null, subject, sessionId, clientAddress);
    }

    /**
     * A refused login.
     *
     * @param username the one tried, or null when it was not acceptable as one
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @param reason why it was refused
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent loginFailed(String username, String clientAddress, AuthEventReason reason) {
        return of(AuthEventType.LOGIN_FAILED, Objects.requireNonNull(reason), username, null, clientAddress);
    }

    /**
     * A successful refresh.
     *
     * @param subject the user (the token's {@code sub})
     * @param sessionId the session ({@code sid})
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent refresh(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.REFRESH, null, subject, sessionId, clientAddress);
    }

    /**
     * A refused refresh.
     *
     * @param subject the verified access token's {@code sub}, or null when it did not verify
     * @param sessionId the verified access token's {@code sid}, or null when it did not verify
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @param reason why it was refused
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent refreshFailed(String subject, String sessionId, String clientAddress,
                                          AuthEventReason reason) {
        return of(AuthEventType.REFRESH_FAILED, Objects.requireNonNull(reason), subject, sessionId, clientAddress);
    }

    /**
     * A refresh token presented again after its rotation: the session is ended.
     *
     * @param subject the user (the token's {@code sub})
     * @param sessionId the session ({@code sid})
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent reuseDetected(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.REUSE_DETECTED, null, subject, sessionId, clientAddress);
    }

    /**
     * A logout of one session.
     *
     * @param subject the user (the token's {@code sub})
     * @param sessionId the session ({@code sid})
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent logout(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.LOGOUT, null, subject, sessionId, clientAddress);
    }

    /**
     * A logout of every session of the user.
     *
     * @param subject the user (the token's {@code sub})
     * @param sessionId the caller's own session, when the logout came with a bearer token; else null
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent logoutAllDevices(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.LOGOUT_ALL_DEVICES, null, subject, sessionId, clientAddress);
    }

    /**
     * One session revoked.
     *
     * @param subject the user (the token's {@code sub})
     * @param sessionId the session ({@code sid})
     * @param clientAddress the request's {@code getRemoteAddr()}, or null when the application's own code revoked it
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent sessionRevoked(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.SESSION_REVOKED, null, subject, sessionId, clientAddress);
    }

    /**
     * A refused access token.
     *
     * @param reason why it was refused
     * @param subject the token's {@code sub}, only when it verified (a cut-off token, a missing role); else null
     * @param sessionId the token's {@code sid}, under the same condition; else null
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent tokenRejected(AuthEventReason reason, String subject, String sessionId,
                                          String clientAddress) {
        return of(AuthEventType.TOKEN_REJECTED, Objects.requireNonNull(reason), subject, sessionId, clientAddress);
    }

    /**
     * A request the token store could not serve.
     *
     * @param clientAddress the request's {@code getRemoteAddr()}
     * @return the event, not yet stamped with its time
     */
    public static AuthEvent storeUnavailable(String clientAddress) {
        return of(AuthEventType.STORE_UNAVAILABLE, null, null, null, clientAddress);
    }

    /**
     * This event at {@code time}: the publisher stamps each event once, with the web application's clock.
     *
     * @param time when it was published
     * @return a copy with that time
     */
    public AuthEvent stampedAt(Instant time) {
        return new AuthEvent(type, reason, Objects.requireNonNull(time, "time"), subject, sessionId, clientAddress);
    }

    /**
     * What happened.
     *
     * @return the type
     */
    public AuthEventType type() {
        return type;
    }

    /**
     * Why it was refused; present for {@code LOGIN_FAILED}, {@code REFRESH_FAILED} and {@code TOKEN_REJECTED}.
     *
     * @return the reason, or empty
     */
    public Optional<AuthEventReason> reason() {
        return Optional.ofNullable(reason);
    }

    /**
     * When it was published (null only before that, which no listener sees).
     *
     * @return the time
     */
    public Instant time() {
        return time;
    }

    /**
     * The user (the token's {@code sub}, or the username tried at a failed login), where known.
     *
     * @return the user, or empty
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * The session ({@code sid}), where known.
     *
     * @return the session id, or empty
     */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /**
     * {@code HttpServletRequest.getRemoteAddr()} of the request, or empty when the application's code acted.
     *
     * @return the address, or empty
     */
    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    @Override
    public String toString() {
        return "AuthEvent[" + type + (reason == null ? "" : " " + reason) + ", time=" + time + ", subject=" + subject
                + ", session=" + sessionId + ", address=" + clientAddress + "]";
    }
}
