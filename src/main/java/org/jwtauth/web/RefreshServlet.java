package org.jwtauth.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.refresh.RefreshRejectedException;
import org.jwtauth.token.InvalidTokenException;
import org.jwtauth.token.IssuedAccessToken;
import org.jwtauth.token.JwtPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /auth/refresh} with {@code accessToken} (or the {@code Authorization: Bearer} header) and
 * {@code refreshToken}; needs no other authentication, since the access token has usually expired. The access
 * token must be valid except for {@code exp}; its {@code sub} and {@code sid} bind the refresh token to it.
 */
public final class RefreshServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(RefreshServlet.class);

    private static final OAuthError INVALID_GRANT = OAuthError.of(400, OAuthError.INVALID_GRANT,
            "The refresh token or access token is invalid, expired or revoked");
    private static final OAuthError TWO_ACCESS_TOKENS = OAuthError.of(400, OAuthError.INVALID_REQUEST,
            "Send the access token either in the body or in the Authorization header, not both");

    private final BearerTokenResolver headerResolver = new BearerTokenResolver();

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response, JwtAuthComponents components)
            throws IOException, RejectedRequest {
        RequestBody body = RequestBody.read(request);
        String refreshToken = body.requiredString("refreshToken", 1024);
        String accessToken = accessToken(request, body);
        JwtPrincipal previous;
        try {
            previous = components.verifier().verifyAllowingExpiry(accessToken,
                    components.settings().sessionMaxLifetime());
        } catch (InvalidTokenException e) {
            throw new RejectedRequest(INVALID_GRANT);
        }
        IssuedRefreshToken next;
        try {
            next = components.refreshTokens().rotate(refreshToken, previous.getName(), previous.sessionId());
        } catch (RefreshRejectedException e) {
            LOG.debug("Refresh refused for subject {}: {}", previous.getName(), e.reason());
            throw new RejectedRequest(INVALID_GRANT);
        }
        // Roles and extra claims carry over; a role change takes effect at the next login.
        IssuedAccessToken access = components.issuer().issue(previous.getName(), previous.roles(),
                previous.sessionId(), previous.claims());
        TokenResponse.write(response, access, next, components.clock());
    }

    private String accessToken(HttpServletRequest request, RequestBody body) throws RejectedRequest {
        Optional<String> inBody = body.string("accessToken", 16 * 1024);
        BearerTokenResolver.Resolution header = headerResolver.resolve(request);
        if (header.isMalformed() || (inBody.isPresent() && !header.isAbsent())) {
            throw new RejectedRequest(header.isMalformed() ? OAuthError.of(400, OAuthError.INVALID_REQUEST,
                    "The Authorization header is malformed") : TWO_ACCESS_TOKENS);
        }
        if (!header.isAbsent()) {
            return header.token();
        }
        return inBody.filter(s -> !s.isEmpty()).orElseThrow(() -> new RejectedRequest(OAuthError.of(400,
                OAuthError.INVALID_REQUEST, "A required field is missing: accessToken")));
    }
}
