package org.jwtauth.web;

import java.util.Collection;

/**
 * The Path attribute of the refresh-token cookie (RFC 6265 section 5.1.4: a cookie is sent to its path and the
 * paths below it): the deepest directory, inside the context path, that holds every URL pattern of the refresh
 * and logout endpoints. With the default mappings that is {@code <context>/auth}; endpoints moved far apart
 * widen it, at most to the context path.
 */
final class CookiePath {

    private CookiePath() {
    }

    static String common(String contextPath, Collection<String> patterns) {
        String[] common = null;
        for (String pattern : patterns) {
            String[] segments = directory(pattern).split("/", -1);
            common = common == null ? segments : prefix(common, segments);
        }
        String within = common == null ? "" : String.join("/", common);
        String path = (contextPath == null ? "" : contextPath) + within;
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The path a pattern's URLs share: an exact pattern is one URL, and its own path suits as well (a cookie for
     * {@code /auth/refresh} reaches {@code /auth/refresh}); a path pattern {@code /x/*} shares {@code /x}; an
     * extension pattern or the default servlet can be anywhere.
     */
    private static String directory(String pattern) {
        if (pattern.endsWith("/*")) {
            return pattern.substring(0, pattern.length() - 2);
        }
        if (!pattern.startsWith("/") || pattern.equals("/")) {
            return "";
        }
        return pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }

    private static String[] prefix(String[] a, String[] b) {
        int n = 0;
        while (n < a.length && n < b.length && a[n].equals(b[n])) {
            n++;
        }
        String[] result = new String[n];
        System.arraycopy(a, 0, result, 0, n);
        return result;
    }
}
