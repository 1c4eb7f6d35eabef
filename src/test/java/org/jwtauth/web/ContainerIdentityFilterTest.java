package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/**
 * The container-identity filter with a request double that stands for Jetty's: it "knows" alice whenever it is
 * asked, as Jetty does by checking a Basic header, and records every question that reached it.
 */
class ContainerIdentityFilterTest {

    private final List<String> asked = new ArrayList<>();
    private final Fakes.Chain chain = new Fakes.Chain();
    private final Fakes.Response response = new Fakes.Response();

    /** A base request that answers alice to every identity question, and may carry an Authorization header. */
    private HttpServletRequest container(String authorization) {
        Principal alice = () -> "alice";
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "getHeader":
                            return "Authorization".equals(args[0]) ? authorization : null;
                        case "getUserPrincipal":
                        case "getRemoteUser":
                        case "getAuthType":
                        case "isUserInRole":
                            asked.add(m.getName());
                            return m.getName().equals("isUserInRole") ? Boolean.TRUE
                                    : m.getName().equals("getUserPrincipal") ? alice
                                    : m.getName().equals("getRemoteUser") ? "alice" : "BASIC";
                        case "login":
                        case "logout":
                            return null;
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private HttpServletRequest filtered(HttpServletRequest base) throws Exception {
        new ContainerIdentityFilter().doFilter(base, response.proxy(), chain);
        assertTrue(chain.ran());
        return (HttpServletRequest) chain.request;
    }

    @Test
    void identityWhenTheRequestCarriesBasicCredentialsThenNoneAndTheContainerIsNeverAsked() throws Exception {
        HttpServletRequest request = filtered(container("Basic YWxpY2U6YWxpY2Utc2VjcmV0"));

        assertNull(request.getUserPrincipal());
        assertNull(request.getRemoteUser());
        assertNull(request.getAuthType());
        assertFalse(request.isUserInRole("user"));
        assertEquals(List.of(), asked);
    }

    @Test
    void identityWhenLoggedInThroughTheRequestThenTheContainersAnswer() throws Exception {
        HttpServletRequest request = filtered(container("Basic YWxpY2U6YWxpY2Utc2VjcmV0"));

        request.login("alice", "alice-secret");

        assertEquals("alice", request.getRemoteUser());
        assertTrue(request.isUserInRole("user"));
        request.logout();
        assertNull(request.getRemoteUser());
    }

    @Test
    void identityWhenNoAuthorizationHeaderThenTheContainersAnswer() throws Exception {
        // No credentials to check: a session's login (FORM) stays visible.
        assertEquals("alice", filtered(container(null)).getRemoteUser());
    }

    @Test
    void doFilterWhenTheRequestIsAlreadyWrappedThenItPassesAsItIs() throws Exception {
        HttpServletRequest once = filtered(container("Basic x"));
        Fakes.Chain again = new Fakes.Chain();

        new ContainerIdentityFilter().doFilter(once, response.proxy(), again);

        assertSame(once, again.request);
    }
}
