package org.jwtauth.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.refresh.IssuedRefreshToken;
import org.jwtauth.token.InvalidTokenException;

/**
 * Cookie mode ({@code jwtauth.refreshToken.cookie}, design section 11): where the refresh token travels when page
 * scripts must not read it. The cookie is {@code __Secure-} prefixed (RFC 6265bis section 4.1.3.1: only set with
 * Secure, from a secure origin), HttpOnly, SameSite=Strict, without Domain (this host only) and with a Path that
 * covers the refresh and logout endpoints only. Since a cookie is sent by the browser whoever asks, it never
 * suffices on its own: refresh needs the access token already, and logout with the cookie needs it too (CSRF).
 * When the mode is off, every method leaves the request and response as they were.
 */
final class RefreshTokenCookie {

    static final String NAME = "__Secure-jwtauth-refresh";

    private static final String REFRESH_SERVLET = "jwtauth-refresh";
    private static final String LOGOUT_SERVLET = "jwtauth-logout";

    private final boolean enabled;
    private final String path;

    private RefreshTokenCookie(boolean enabled, String path) {
        this.enabled = enabled;
        this.path = path;
    }

    /** The cookie of this web application, its Path computed once from where refresh and logout are mapped. */
    static RefreshTokenCookie of(boolean enabled, ServletContext context) {
        if (!enabled) {
            return new RefreshTokenCookie(false, "/");
        }
        List<String> patterns = new ArrayList<>();
        patterns.addAll(mappings(context, REFRESH_SERVLET));
        patterns.addAll(mappings(context, LOGOUT_SERVLET));
        return new RefreshTokenCookie(true, CookiePath.common(context.getContextPath(), patterns));
    }

    private static Collection<String> mappings(ServletContext context, String servlet) {
        ServletRegistration registration = context.getServletRegistration(servlet);
        return registration == null ? List.of() : registration.getMappings();
    }

    boolean enabled() {
        return enabled;
    }

    /** The Path attribute: the deepest path that covers every mapping of refresh and logout. */
    String path() {
        return path;
    }

    /** Login and refresh: the new refresh token into the cookie, for as long as the token lives. */
    void set(HttpServletResponse response, IssuedRefreshToken token, Clock clock) {
        if (!enabled) {
            return;
        }
        long maxAge = Math.max(0, Duration.between(clock.instant(), token.expiresAt()).getSeconds());
        write(response, token.token(), maxAge);
    }

    /** Logout: the browser drops the cookie (RFC 6265 section 5.3, step 3: Max-Age=0 expires it at once). */
    void clear(HttpServletResponse response) {
        if (enabled) {
            write(response, "", 0);
        }
    }

    /**
     * The refresh token to rotate: the body's or, in cookie mode, the cookie's. The caller verifies the access
     * token in every case.
     */
    String forRefresh(HttpServletRequest request, RequestBody body) throws RejectedRequest {
        return presented(request, body).orElseThrow(() -> new RejectedRequest(
                AuthErrors.missingField(Fields.REFRESH_TOKEN)));
    }

    /**
     * The refresh token whose session a logout ends. One from the body is proof enough (a cross-site page cannot
     * know it); one from the cookie only with our access token beside it (valid but for {@code exp}, as at
     * refresh), since the browser would send the cookie for a forged form too.
     */
    String forLogout(HttpServletRequest request, RequestBody body, JwtAuthComponents components)
            throws RejectedRequest {
        Optional<String> inBody = body.string(Fields.REFRESH_TOKEN, Fields.MAX_REFRESH_TOKEN).filter(s -> !s.isEmpty());
        String token = forRefresh(request, body);
        if (inBody.isEmpty()) {
            String access = PresentedAccessToken.of(request, body, components);
            try {
                components.tokensToRefresh.verifyAllowingExpiry(access, components.settings.sessionMaxLifetime());
            } catch (InvalidTokenException e) {
                throw new RejectedRequest(AuthErrors.REFRESH_REFUSED);
            }
        }
        return token;
    }

    /** The body's token, else the cookie's; both present and different is the client's confusion: 400. */
    private Optional<String> presented(HttpServletRequest request, RequestBody body) throws RejectedRequest {
        Optional<String> inBody = body.string(Fields.REFRESH_TOKEN, Fields.MAX_REFRESH_TOKEN).filter(s -> !s.isEmpty());
        Optional<String> inCookie = enabled ? fromCookie(request) : Optional.empty();
        if (inBody.isPresent() && inCookie.isPresent() && !inBody.get().equals(inCookie.get())) {
            throw new RejectedRequest(AuthErrors.TWO_REFRESH_TOKENS);
        }
        return inBody.isPresent() ? inBody : inCookie;
    }

    /** Two of our cookies with different values (another Path, a sibling host's Domain) are not guessed between. */
    private static Optional<String> fromCookie(HttpServletRequest request) throws RejectedRequest {
        Cookie[] cookies;
        try {
            cookies = request.getCookies();
        } catch (RuntimeException e) {
            throw new RejectedRequest(AuthErrors.MALFORMED_COOKIE);
        }
        String found = null;
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (!NAME.equals(cookie.getName()) || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                continue;
            }
            if (cookie.getValue().length() > Fields.MAX_REFRESH_TOKEN
                    || (found != null && !found.equals(cookie.getValue()))) {
                throw new RejectedRequest(AuthErrors.MALFORMED_COOKIE);
            }
            found = cookie.getValue();
        }
        return Optional.ofNullable(found);
    }

    /**
     * Written as a header rather than through {@link Cookie}, so that SameSite and the exact attributes are the
     * same in every container. Our tokens are base64url, which needs no quoting (RFC 6265 section 4.1.1).
     */
    private void write(HttpServletResponse response, String value, long maxAge) {
        response.addHeader("Set-Cookie", NAME + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge
                + "; Secure; HttpOnly; SameSite=Strict");
    }
}
