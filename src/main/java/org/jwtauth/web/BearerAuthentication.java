package org.jwtauth.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.events.AuthEventReason;
import org.jwtauth.log.Log;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.JwtPrincipal;
import org.jwtauth.token.TokenVerifier;

/**
 * The one bearer-authentication step (RFC 6750): a request becomes the caller its token describes, no caller at
 * all, or the error to answer. The filter and the endpoints that need a caller (logout of all devices) share it;
 * the refresh endpoint shares its {@link #resolver()}, since it verifies an expired token its own way.
 */
final class BearerAuthentication {

    private static final Log LOG = Log.of(BearerAuthentication.class);

    /** What a request amounts to: exactly one of a principal, an error, or nothing (no bearer token). */
    static final class Result {
        private static final Result ABSENT = new Result(null, null, null, null);

        private final JwtPrincipal principal;
        private final OAuthError error;
        private final AuthEventReason rejection;
        private final JwtPrincipal refused;

        private Result(JwtPrincipal principal, OAuthError error, AuthEventReason rejection, JwtPrincipal refused) {
            this.principal = principal;
            this.error = error;
            this.rejection = rejection;
            this.refused = refused;
        }

        private static Result refused(OAuthError error, AuthEventReason rejection) {
            return new Result(null, error, rejection, null);
        }

        /** Why a presented token was refused, for the event; null when none was presented or it verified. */
        AuthEventReason rejection() {
            return rejection;
        }

        /** The caller of a token that verified but was cut off, for the event; null otherwise. */
        JwtPrincipal refusedCaller() {
            return refused;
        }

        boolean isAbsent() {
            return principal == null && error == null;
        }

        /** The principal, or null when there is none. */
        JwtPrincipal principal() {
            return principal;
        }

        /** The error, or null; a request without a token has the bare challenge as its error when one is required. */
        OAuthError error() {
            return isAbsent() ? AuthErrors.MISSING_TOKEN : error;
        }
    }

    private final BearerTokenResolver resolver = new BearerTokenResolver();
    private final TokenVerifier verifier;

    BearerAuthentication(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    Result authenticate(HttpServletRequest request) {
        Optional<String> token;
        try {
            token = resolver.resolve(request);
        } catch (RejectedRequest e) {
            return Result.refused(e.error(), AuthEventReason.MALFORMED);
        }
        if (token.isEmpty()) {
            return Result.ABSENT;
        }
        try {
            return new Result(verifier.verify(token.get()), null, null, null);
        } catch (InvalidTokenException e) {
            return new Result(null, AuthErrors.invalidToken(e.reason()), rejection(e.reason()),
                    e.cutOffCaller().orElse(null));
        } catch (RuntimeException e) {
            // A bug, not the client's doing: fail closed with the usual refusal (design section 3: never a 500
            // with a stack trace), and say it where operators look.
            LOG.error("Unexpected failure while verifying a bearer token; the request is refused", e);
            return Result.refused(AuthErrors.invalidToken(InvalidTokenException.Reason.INVALID),
                    AuthEventReason.INVALID);
        }
    }

    private static AuthEventReason rejection(InvalidTokenException.Reason reason) {
        switch (reason) {
            case MALFORMED:
                return AuthEventReason.MALFORMED;
            case EXPIRED:
                return AuthEventReason.EXPIRED;
            case REVOKED:
                return AuthEventReason.CUT_OFF;
            default:
                return AuthEventReason.INVALID;
        }
    }

    BearerTokenResolver resolver() {
        return resolver;
    }
}
