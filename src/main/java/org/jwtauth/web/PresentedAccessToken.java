package org.jwtauth.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The access token a refresh or a cookie-mode logout presents: in the body ({@code accessToken}) or the
 * {@code Authorization: Bearer} header, not both, since two different tokens would leave the choice to us.
 */
final class PresentedAccessToken {

    private PresentedAccessToken() {
    }

    static String of(HttpServletRequest request, RequestBody body, JwtAuthComponents components)
            throws RejectedRequest {
        Optional<String> inBody = body.string(Fields.ACCESS_TOKEN, Fields.MAX_ACCESS_TOKEN);
        Optional<String> header;
        try {
            header = components.ownCallers.resolver().resolve(request);
        } catch (RejectedRequest e) {
            throw new RejectedRequest(AuthErrors.MALFORMED_AUTHORIZATION);
        }
        if (header.isPresent()) {
            if (inBody.isPresent()) {
                throw new RejectedRequest(AuthErrors.TWO_ACCESS_TOKENS);
            }
            return header.get();
        }
        return inBody.filter(s -> !s.isEmpty())
                .orElseThrow(() -> new RejectedRequest(AuthErrors.missingField(Fields.ACCESS_TOKEN)));
    }
}
