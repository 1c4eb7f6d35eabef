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

    public static AuthEvent login(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.LOGIN, null, subject, sessionId, clientAddress);
    }

    /** {@code username}: the one tried, or null when it was not acceptable as one. */
    public static AuthEvent loginFailed(String username, String clientAddress, AuthEventReason reason) {
        return of(AuthEventType.LOGIN_FAILED, Objects.requireNonNull(reason), username, null, clientAddress);
    }

    public static AuthEvent refresh(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.REFRESH, null, subject, sessionId, clientAddress);
    }

    /** {@code subject} and {@code sessionId}: the verified access token's, or null when it did not verify. */
    public static AuthEvent refreshFailed(String subject, String sessionId, String clientAddress,
                                          AuthEventReason reason) {
        return of(AuthEventType.REFRESH_FAILED, Objects.requireNonNull(reason), subject, sessionId, clientAddress);
    }

    public static AuthEvent reuseDetected(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.REUSE_DETECTED, null, subject, sessionId, clientAddress);
    }

    public static AuthEvent logout(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.LOGOUT, null, subject, sessionId, clientAddress);
    }

    /** {@code sessionId}: the caller's own session, when the logout came with a bearer token. */
    public static AuthEvent logoutAllDevices(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.LOGOUT_ALL_DEVICES, null, subject, sessionId, clientAddress);
    }

    /** {@code clientAddress}: null when the application's own code revoked it. */
    public static AuthEvent sessionRevoked(String subject, String sessionId, String clientAddress) {
        return of(AuthEventType.SESSION_REVOKED, null, subject, sessionId, clientAddress);
    }

    /** {@code subject} and {@code sessionId}: only when the token verified (a cut-off token, a missing role). */
    public static AuthEvent tokenRejected(AuthEventReason reason, String subject, String sessionId,
                                          String clientAddress) {
        return of(AuthEventType.TOKEN_REJECTED, Objects.requireNonNull(reason), subject, sessionId, clientAddress);
    }

    public static AuthEvent storeUnavailable(String clientAddress) {
        return of(AuthEventType.STORE_UNAVAILABLE, null, null, null, clientAddress);
    }

    /** This event at {@code time}: the publisher stamps each event once, with the web application's clock. */
    public AuthEvent stampedAt(Instant time) {
        return new AuthEvent(type, reason, Objects.requireNonNull(time, "time"), subject, sessionId, clientAddress);
    }

    public AuthEventType type() {
        return type;
    }

    /** Why it was refused; present for {@code LOGIN_FAILED}, {@code REFRESH_FAILED} and {@code TOKEN_REJECTED}. */
    public Optional<AuthEventReason> reason() {
        return Optional.ofNullable(reason);
    }

    /** When it was published (null only before that, which no listener sees). */
    public Instant time() {
        return time;
    }

    /** The user (the token's {@code sub}, or the username tried at a failed login), where known. */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** The session ({@code sid}), where known. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** {@code HttpServletRequest.getRemoteAddr()} of the request, or empty when the application's code acted. */
    public Optional<String> clientAddress() {
        return Optional.ofNullable(clientAddress);
    }

    @Override
    public String toString() {
        return "AuthEvent[" + type + (reason == null ? "" : " " + reason) + ", time=" + time + ", subject=" + subject
                + ", session=" + sessionId + ", address=" + clientAddress + "]";
    }
}
