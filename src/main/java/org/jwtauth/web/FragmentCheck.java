package org.jwtauth.web;

import java.util.List;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the container will not apply the library's web fragment (Servlet 6.0 section 8.2): a web.xml with
 * {@code metadata-complete="true"}, or an {@code <absolute-ordering>} that leaves it out. The listener then runs
 * only because web.xml declares it, and the filter or servlets may be missing.
 */
final class FragmentCheck {

    /** The {@code <name>} of META-INF/web-fragment.xml. */
    static final String FRAGMENT_NAME = "jwt_servlet_auth";

    private static final Logger LOG = LoggerFactory.getLogger(FragmentCheck.class);

    private final ServletContext context;

    FragmentCheck(ServletContext context) {
        this.context = context;
    }

    void warnIfNotLoaded() {
        if (!filterRegistered()) {
            LOG.warn("jwt-servlet-auth: no filter of class {} is registered; the web fragment {} was not applied "
                    + "(metadata-complete=\"true\" in web.xml, or an <absolute-ordering> without <name>{}</name>). "
                    + "Include the fragment or declare the filter and servlets in web.xml.",
                    BearerTokenFilter.class.getName(), FRAGMENT_NAME, FRAGMENT_NAME);
        }
        Object ordered = context.getAttribute(ServletContext.ORDERED_LIBS);
        if (ordered instanceof List && ((List<?>) ordered).stream().noneMatch(j -> String.valueOf(j).contains("jwt-servlet-auth"))) {
            LOG.warn("jwt-servlet-auth: web.xml has an <absolute-ordering> that does not list <name>{}</name>; "
                    + "the container ignores the library's web-fragment.xml", FRAGMENT_NAME);
        }
    }

    private boolean filterRegistered() {
        try {
            for (FilterRegistration registration : context.getFilterRegistrations().values()) {
                if (BearerTokenFilter.class.getName().equals(registration.getClassName())) {
                    return true;
                }
            }
            return false;
        } catch (UnsupportedOperationException e) {
            // Listeners declared programmatically may not introspect; nothing to warn about then.
            return true;
        }
    }
}
