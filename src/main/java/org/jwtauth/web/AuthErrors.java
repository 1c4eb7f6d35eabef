package org.jwtauth.web;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.jwtauth.config.DurationValues;
import org.jwtauth.refresh.StoreUnavailableException;
import org.jwtauth.token.InvalidTokenException.Reason;

/**
 * Every error answer of the library, in one catalogue (as Spring Security's {@code BearerTokenErrors}): status,
 * code and a fixed description, so the answers of design section 3 can be read in one place. Codes are those of
 * RFC 6749 section 5.2 and RFC 6750 section 3.1; descriptions never quote input.
 */
final class AuthErrors {

    // --- bearer authentication (RFC 6750 section 3) -----------------------------------------------------------

    /** RFC 6750 section 3.1: a request without any authentication information gets no error code. */
    static final OAuthError MISSING_TOKEN = OAuthError.challengeOnly();
    static final OAuthError MALFORMED_REQUEST = badRequest(
            "The request must carry exactly one Authorization header with a Bearer token, and no token in the URL")
            .asChallenge();
    static final OAuthError INSUFFICIENT_SCOPE = OAuthError.of(403, ErrorCode.INSUFFICIENT_SCOPE,
            "The access token does not grant a role this resource requires").asChallenge();
    private static final Map<Reason, OAuthError> INVALID_TOKENS = new EnumMap<>(Reason.class);

    static {
        for (Reason reason : Reason.values()) {
            INVALID_TOKENS.put(reason,
                    OAuthError.of(401, ErrorCode.INVALID_TOKEN, reason.description()).asChallenge());
        }
    }

    // --- token endpoints (RFC 6749 section 5.2) ---------------------------------------------------------------

    static final OAuthError NOT_POST = OAuthError.of(405, ErrorCode.INVALID_REQUEST, "Only POST is allowed")
            .withHeader("Allow", "POST");
    static final OAuthError NOT_GET = OAuthError.of(405, ErrorCode.INVALID_REQUEST, "Only GET is allowed")
            .withHeader("Allow", "GET");
    static final OAuthError UNSUPPORTED_MEDIA_TYPE = OAuthError.of(415, ErrorCode.INVALID_REQUEST,
            "The body must be application/json or application/x-www-form-urlencoded");
    static final OAuthError MALFORMED_BODY = badRequest(
            "The body is not a valid JSON object of the expected fields");
    /** RFC 6750 section 5.3: URLs are logged; the endpoints read credentials and tokens from the body only. */
    static final OAuthError CREDENTIALS_IN_URL = badRequest(
            "Credentials and tokens must be sent in the request body, never in the URL");
    static final OAuthError MALFORMED_AUTHORIZATION = badRequest("The Authorization header is malformed");
    static final OAuthError TWO_ACCESS_TOKENS = badRequest(
            "Send the access token either in the body or in the Authorization header, not both");
    /** Cookie mode: a refresh token in the body and another in the cookie leave the choice to us. */
    static final OAuthError TWO_REFRESH_TOKENS = badRequest(
            "The refresh token in the body and the one in the cookie differ");
    static final OAuthError MALFORMED_COOKIE = badRequest("The refresh-token cookie is malformed or repeated");
    /** One answer for unknown user and wrong password, so the endpoint tells no one which users exist. */
    static final OAuthError BAD_CREDENTIALS = invalidGrant("The username or password is incorrect");
    static final OAuthError REFRESH_REFUSED = invalidGrant(
            "The refresh token or access token is invalid, expired or revoked");
    static final OAuthError STORE_UNAVAILABLE = OAuthError.of(503, ErrorCode.TEMPORARILY_UNAVAILABLE,
            "The token store is temporarily unavailable").withHeader("Retry-After",
            Long.toString(StoreUnavailableException.RETRY_AFTER.getSeconds()));
    /** The authenticator threw (the {@code UserAuthenticator} contract: the directory failed). */
    static final OAuthError DIRECTORY_UNAVAILABLE = OAuthError.of(503, ErrorCode.TEMPORARILY_UNAVAILABLE,
            "The user directory is temporarily unavailable").withHeader("Retry-After",
            Long.toString(StoreUnavailableException.RETRY_AFTER.getSeconds()));
    static final OAuthError ALREADY_AUTHENTICATED = badRequest(
            "The request is already authenticated by the server; log in without a session or other credentials");
    static final OAuthError UNEXPECTED = OAuthError.of(500, ErrorCode.SERVER_ERROR,
            "The request could not be processed");

    // --- JWKS endpoint -----------------------------------------------------------------------------------------

    static final OAuthError NO_PUBLIC_KEYS = OAuthError.of(404, ErrorCode.NOT_FOUND,
            "This application signs with a shared secret and publishes no keys");

    private AuthErrors() {
    }

    /** RFC 6749 section 5.2: a parameter is missing, repeated, malformed or unsupported. */
    private static OAuthError badRequest(String description) {
        return OAuthError.of(400, ErrorCode.INVALID_REQUEST, description);
    }

    /** RFC 6749 section 5.2: the credentials or the refresh token are invalid, expired or revoked. */
    private static OAuthError invalidGrant(String description) {
        return OAuthError.of(400, ErrorCode.INVALID_GRANT, description);
    }

    static OAuthError invalidToken(Reason reason) {
        return INVALID_TOKENS.get(reason);
    }

    /** The field's name is ours (a constant of {@link Fields}), never the client's text. */
    static OAuthError missingField(String name) {
        return badRequest("A required field is missing: " + name);
    }

    /** RFC 6585 section 4, with {@code Retry-After} in whole seconds, rounded up. */
    static OAuthError tooManyAttempts(Duration wait) {
        return OAuthError.of(429, ErrorCode.SLOW_DOWN, "Too many failed logins; try again later")
                .withHeader("Retry-After", Long.toString(DurationValues.secondsRoundedUp(wait)));
    }
}
