package org.jwtauth.login;

/**
 * The request is already authenticated by the container (a session of a container login, or credentials it
 * checked itself), so {@link jakarta.servlet.http.HttpServletRequest#login} cannot check the password (Servlet 6.0
 * section 13.10). Not a wrong password, and no directory failure: the login endpoint answers 400 without counting
 * a failed login.
 */
public final class AlreadyAuthenticatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlreadyAuthenticatedException() {
        super("The request is already authenticated by the container", null, false, false);
    }
}
