package org.jwtauth.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jwtauth.config.ConfigurationException;

/**
 * The filter's init-params, parsed once (as Tomcat's {@code CorsFilter} does): {@code exclude} path prefixes,
 * {@code optional} and the {@code roles} of which a token must carry one.
 */
final class FilterRules {

    static final String EXCLUDE = "exclude";
    static final String OPTIONAL = "optional";
    static final String ROLES = "roles";

    private final List<String> excludedPrefixes;
    private final boolean optional;
    private final List<String> requiredRoles;

    FilterRules(List<String> excludedPrefixes, boolean optional, List<String> requiredRoles) {
        this.excludedPrefixes = List.copyOf(excludedPrefixes);
        this.optional = optional;
        this.requiredRoles = List.copyOf(requiredRoles);
    }

    static FilterRules from(FilterConfig config) {
        List<String> exclude = split(config.getInitParameter(EXCLUDE));
        for (String prefix : exclude) {
            if (!prefix.startsWith("/")) {
                throw new ConfigurationException(EXCLUDE, "expected path prefixes starting with '/'");
            }
        }
        return new FilterRules(exclude, parseBoolean(config.getInitParameter(OPTIONAL)),
                split(config.getInitParameter(ROLES)));
    }

    /** The path inside the web application, as the container decoded and normalised it. */
    boolean isExcluded(HttpServletRequest request) {
        if (excludedPrefixes.isEmpty()) {
            return false;
        }
        String path = path(request);
        for (String prefix : excludedPrefixes) {
            // "/api/public" leaves "/api/public" and "/api/public/x" alone, not "/api/publicity".
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inside an include the request's own paths are the including page's; the included resource's are in the
     * {@code jakarta.servlet.include.*} attributes (Servlet 6.0 section 9.3.1).
     */
    private static String path(HttpServletRequest request) {
        boolean include = request.getDispatcherType() == DispatcherType.INCLUDE;
        Object servletPath = include ? request.getAttribute(RequestDispatcher.INCLUDE_SERVLET_PATH)
                : request.getServletPath();
        Object pathInfo = include ? request.getAttribute(RequestDispatcher.INCLUDE_PATH_INFO) : request.getPathInfo();
        return (servletPath == null ? "" : servletPath.toString()) + (pathInfo == null ? "" : pathInfo.toString());
    }

    boolean isOptional() {
        return optional;
    }

    /** Whether the caller holds one of the required roles (or none is required). */
    boolean permits(Set<String> roles) {
        return requiredRoles.isEmpty() || requiredRoles.stream().anyMatch(roles::contains);
    }

    private static boolean parseBoolean(String value) {
        if (value == null || value.trim().isEmpty()) {
            return false;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new ConfigurationException(OPTIONAL, "expected true or false");
        }
    }

    private static List<String> split(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
