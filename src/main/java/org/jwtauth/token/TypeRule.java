package org.jwtauth.token;

import java.util.Locale;
import java.util.Set;

import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

/**
 * The header rules of a verifier: exactly one JOSE object (a nested JWT, {@code cty: JWT}, is never what an
 * issuer of access tokens sends, RFC 8725 section 2.7) and an accepted {@code typ} (RFC 9068 section 2.1: typed
 * so that other JWTs cannot be substituted; compared case-insensitively, {@code application/} may be omitted,
 * RFC 7515 section 4.1.9).
 */
final class TypeRule implements ErrorCodeValidator {

    private static final String MEDIA_PREFIX = "application/";

    private final boolean required;
    private final Set<String> accepted;

    TypeRule(boolean required, Set<String> accepted) {
        this.required = required;
        this.accepted = accepted;
    }

    @Override
    public Error validate(JwtContext context) {
        if (context.getJoseObjects().size() != 1 || isNested(context.getJoseObjects().get(0))) {
            return new Error(ErrorCodes.MISCELLANEOUS, "nested JWT");
        }
        String type = context.getJoseObjects().get(0).getHeader("typ");
        if (type == null) {
            return required ? new Error(ErrorCodes.TYPE_MISSING, "typ") : null;
        }
        return accepted.contains(normalised(type)) ? null : new Error(ErrorCodes.TYPE_INVALID, "typ");
    }

    /** RFC 7519 section 5.2: {@code cty} "JWT" marks a nested JWT. */
    static boolean isNested(JsonWebStructure jose) {
        String contentType = jose.getContentTypeHeaderValue();
        return contentType != null && normalised(contentType).equals("jwt");
    }

    private static String normalised(String mediaType) {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return type.startsWith(MEDIA_PREFIX) ? type.substring(MEDIA_PREFIX.length()) : type;
    }
}
