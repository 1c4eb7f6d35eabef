package org.jwtauth.web;

import java.util.Locale;

/** The error codes the library answers with: RFC 6749 section 5.2 and RFC 6750 section 3.1, plus two more. */
enum ErrorCode {
    INVALID_REQUEST,
    INVALID_TOKEN,
    INSUFFICIENT_SCOPE,
    INVALID_GRANT,
    TEMPORARILY_UNAVAILABLE,
    /** RFC 8628 section 3.5's "slow_down", the closest OAuth has to "too many attempts". */
    SLOW_DOWN,
    SERVER_ERROR,
    NOT_FOUND;

    /** The value of the {@code error} field and challenge parameter. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
