package org.jwtauth.it.hostile;

import org.jwtauth.it.support.ContainerKind;

/**
 * Who answers a request whose Authorization header holds bytes that RFC 9110 section 5.5 forbids, as observed
 * with the containers' default settings.
 */
final class ContainerAnswers {

    /** The possible answers. */
    enum Answer {
        /** The container's own 400, before any filter runs. */
        CONTAINER_400,
        /** Passed on; the filter refuses the value as a malformed Authorization header. */
        FILTER_MALFORMED_REQUEST,
        /** Passed on; the filter sees another scheme than Bearer: a bare challenge. */
        FILTER_CHALLENGE,
        /** Passed on after unfolding (RFC 9112 section 5.2 lets a server replace obs-fold by a space). */
        FILTER_INVALID_TOKEN
    }

    private ContainerAnswers() {
    }

    static Answer forbiddenHeaderBytes(ContainerKind kind, String what) {
        switch (what) {
            case "bare CR":
            case "NUL":
                return Answer.CONTAINER_400;
            case "obsolete line folding":
                return kind == ContainerKind.TOMCAT ? Answer.FILTER_INVALID_TOKEN : Answer.CONTAINER_400;
            case "non-ASCII":
                // ISO-8859-1 "obs-text" is passed on by both; the token is then no RFC 6750 b64token.
                return Answer.FILTER_MALFORMED_REQUEST;
            case "non-ASCII scheme":
                return Answer.FILTER_CHALLENGE;
            default:
                throw new IllegalArgumentException(what);
        }
    }

    /** The status for a path variant of {@code /api/orders} sent without a token. */
    static int pathVariant(ContainerKind kind, String what) {
        switch (what) {
            case "path parameter":
            case "dot segment":
            case "dot-dot segment":
                // Normalised by the container to /api/orders: the filter runs.
                return 401;
            case "double slash":
            case "encoded dot-dot":
                // Tomcat normalises these too; Jetty 12 refuses them as ambiguous (its URI compliance).
                return kind == ContainerKind.TOMCAT ? 401 : 400;
            case "encoded slash":
                return 400;
            case "upper case":
            case "trailing dot":
                // Paths are case- and dot-sensitive: no mapping, so neither filter nor application.
                return 404;
            default:
                throw new IllegalArgumentException(what);
        }
    }
}
