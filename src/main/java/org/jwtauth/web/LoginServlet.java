package org.jwtauth.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.login.AuthenticatedUser;
import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.token.IssuedAccessToken;

/**
 * {@code POST /auth/login} with {@code username} and {@code password}: checks them with the configured
 * {@link org.jwtauth.login.UserAuthenticator}, starts a new refresh-token family (one per device) and answers
 * with a token response.
 */
public final class LoginServlet extends TokenEndpointServlet {
    private static final long serialVersionUID = 1L;

    static final int MAX_USERNAME = 256;
    static final int MAX_PASSWORD = 1024;

    /** One answer for unknown user and wrong password, so the endpoint tells no one which users exist. */
    private static final OAuthError BAD_CREDENTIALS = OAuthError.of(400, OAuthError.INVALID_GRANT,
            "The username or password is incorrect");

    @Override
    void handle(HttpServletRequest request, HttpServletResponse response, JwtAuthComponents components)
            throws IOException, RejectedRequest {
        RequestBody body = RequestBody.read(request);
        String username = body.requiredString("username", MAX_USERNAME);
        String password = body.requiredString("password", MAX_PASSWORD);
        Optional<AuthenticatedUser> user = components.authenticator().authenticate(username, password, request);
        if (user.isEmpty()) {
            throw new RejectedRequest(BAD_CREDENTIALS);
        }
        AuthenticatedUser u = user.get();
        IssuedRefreshToken refresh = components.refreshTokens().startFamily(u.name());
        IssuedAccessToken access = components.issuer().issue(u.name(), u.roles(), refresh.familyId(), u.claims());
        TokenResponse.write(response, access, refresh, components.clock());
    }
}
