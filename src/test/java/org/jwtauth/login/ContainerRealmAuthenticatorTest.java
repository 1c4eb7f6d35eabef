package org.jwtauth.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/**
 * A request the container has already authenticated (a session of a container login) cannot have its password
 * checked by {@code HttpServletRequest.login} (Servlet 6.0 section 13.10): that is no wrong password, and must
 * not count as a failed login.
 */
class ContainerRealmAuthenticatorTest {

    private final AtomicInteger logins = new AtomicInteger();

    private HttpServletRequest alreadyAuthenticatedAs(String name) {
        Principal principal = () -> name;
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getUserPrincipal":
                            return principal;
                        case "getAuthType":
                            return "FORM";
                        case "getSession":
                            return null;
                        case "login":
                            logins.incrementAndGet();
                            throw new ServletException("already authenticated");
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void authenticateWhenTheRequestIsAlreadyAuthenticatedThenNoVerdictRatherThanAWrongPassword() {
        ContainerRealmAuthenticator realm = new ContainerRealmAuthenticator(List.of("user"));
        assertThrows(AlreadyAuthenticatedException.class,
                () -> realm.authenticate("alice", "right-or-wrong", alreadyAuthenticatedAs("bob")));
        assertEquals(0, logins.get(), "the realm was not asked");
    }
}
