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
     * @return the user, or empty when the credentials are wrong; unknown users and wrong passwords must not be
     *         told apart by the result
     * @throws AlreadyAuthenticatedException when the request cannot be checked because the container already
     *         authenticated it (the endpoint answers 400 and counts no failed login)
     * @throws RuntimeException only when the user directory itself fails (the endpoint then answers 503 with
     *         {@code Retry-After}, and counts no failed login)
     */
    Optional<AuthenticatedUser> authenticate(String username, String password, HttpServletRequest request);
}
