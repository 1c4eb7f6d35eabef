package org.jwtauth.config;

/**
 * The place the library was deployed into cannot work with it (a shared class loader, a second EclipseLink, a Java
 * or Servlet version it does not support). The message names what was found and what to do; like a
 * {@link ConfigurationException}, it is shown whole, so it never carries a secret.
 */
public final class EnvironmentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnvironmentException(String message) {
        super(message);
    }
}
