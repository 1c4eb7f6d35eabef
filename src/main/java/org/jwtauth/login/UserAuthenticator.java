package org.jwtauth.login;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks a username and password for the login endpoint. Select an implementation with the context-param
 * {@code jwtauth.login.authenticator}: {@code container} (the default, {@link ContainerRealmAuthenticator}) or
 * the name of a class with a public no-argument constructor, for applications with their own user table.
 * Implementations must be thread-safe and must never log the password.
 */
public interface UserAuthenticator {

    /**
     * Checks a login's credentials.
     *
     * @param username the user name as sent to the login endpoint
     * @param password the password as sent; never to be logged
     * @param request the login request
     * @return the user, or empty when the credentials are wrong; unknown users and wrong passwords must not be
     *         told apart by the result
     * @throws AlreadyAuthenticatedException when the request cannot be checked because the container already
     *         authenticated it (the endpoint answers 400 and counts no failed login)
     * @throws RuntimeException only when the user directory itself fails (the endpoint then answers 503 with
     *         {@code Retry-After}, and counts no failed login)
     */
    Optional<AuthenticatedUser> authenticate(String username, String password, HttpServletRequest request);

    /**
     * Looks the user up again at a refresh, so that what the application changed in its own code takes effect
     * within one access-token lifetime instead of at the next login: a disabled or deleted account ends its session,
     * changed roles or claims go into the new access token. Called before the refresh token is rotated.
     *
     * <p>The default keeps the user as the previous access token describes them (roles and claims carried over).
     * {@code container} mode keeps that default: the Servlet API cannot look a user up without a password.
     *
     * @param subject  the {@code sub} of the access token being refreshed; the new token keeps it whatever name
     *                 the answer has
     * @param previous the user as that access token describes them: its roles and its other claims
     * @return the user as they are now, or empty when they may no longer sign in: the refresh is then refused
     *         ({@code invalid_grant}) and, if its refresh token was valid, that session is revoked
     * @throws RuntimeException only when the user directory itself fails: the endpoint answers 503 with
     *         {@code Retry-After} and the refresh token stays usable
     */
    default Optional<AuthenticatedUser> reload(String subject, AuthenticatedUser previous) {
        return Optional.of(previous);
    }
}
