package org.jwtauth.web;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jwtauth.bench.Fixtures;
import org.jwtauth.bench.PerCallBenchmark;
import org.jwtauth.config.Settings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;

/**
 * {@link BearerTokenFilter#doFilter} end to end without a container: header resolution, verification, the
 * request wrapper or the RFC 6750 error response. The servlet objects are {@link Proxy} doubles (each call on
 * them costs a reflective dispatch, a few tens of nanoseconds), so compare these figures with each other and with
 * {@code VerifierBenchmark}, not with a container's. The filter is built with its collaborators, as an
 * application that registers it programmatically would.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class FilterBenchmark extends PerCallBenchmark {

    private BearerTokenFilter filter;
    private HttpServletRequest validRequest;
    private HttpServletRequest noTokenRequest;
    private HttpServletRequest forgedRequest;
    private HttpServletResponse response;
    private FilterChain chain;
    private ServletRequest reached;
    private int status;

    @Setup(Level.Trial)
    public void setUp() throws ServletException, IOException {
        Settings settings = Fixtures.settings("HS256");
        Clock clock = Clock.systemUTC();
        Fixtures.Signing signing = Fixtures.signing(settings, clock);
        // The filter is given its collaborators: the store, authenticator and throttle stay out.
        filter = new BearerTokenFilter(signing.verifier, "bench");
        filter.init(filterConfig());

        String token = signing.issuer.issue("alice", List.of("user"), "family-0123456789", Map.of()).token();
        validRequest = request("Bearer " + token);
        noTokenRequest = request(null);
        forgedRequest = request("Bearer " + Fixtures.withBadSignature(token));
        response = response();
        chain = (req, res) -> reached = req;

        // Check each request takes the path it stands for.
        expect(validRequest, true, 0);
        expect(noTokenRequest, false, 401);
        expect(forgedRequest, false, 401);
    }

    private void expect(HttpServletRequest request, boolean chainRuns, int expectedStatus)
            throws IOException, ServletException {
        reached = null;
        status = 0;
        filter.doFilter(request, response, chain);
        if ((reached != null) != chainRuns || status != expectedStatus) {
            throw new IllegalStateException("unexpected filter outcome: chain " + (reached != null) + ", status "
                    + status);
        }
    }

    /** An authenticated request: the chain runs with the wrapped request. */
    @Benchmark
    public Object validToken() throws IOException, ServletException {
        filter.doFilter(validRequest, response, chain);
        return reached;
    }

    /** No Authorization header: 401 with a bare challenge, no verification at all. */
    @Benchmark
    public int noToken() throws IOException, ServletException {
        filter.doFilter(noTokenRequest, response, chain);
        return status;
    }

    /** A forged token: verified, refused, 401 invalid_token with its JSON body. */
    @Benchmark
    public int forgedToken() throws IOException, ServletException {
        filter.doFilter(forgedRequest, response, chain);
        return status;
    }

    private static FilterConfig filterConfig() {
        return proxy(FilterConfig.class, (name, args) -> {
            switch (name) {
                case "getFilterName":
                    return "bench";
                case "getInitParameterNames":
                    return Collections.emptyEnumeration();
                default:
                    return null; // no init-params: every path protected, not optional, no role required
            }
        });
    }

    private static HttpServletRequest request(String authorization) {
        List<String> headers = authorization == null ? List.of() : List.of(authorization);
        return proxy(HttpServletRequest.class, (name, args) -> {
            switch (name) {
                case "getMethod":
                    return "GET";
                case "getServletPath":
                    return "/api";
                case "getPathInfo":
                    return "/orders";
                case "getHeaders":
                    return "Authorization".equalsIgnoreCase((String) args[0]) ? Collections.enumeration(headers)
                            : Collections.emptyEnumeration();
                case "getHeader":
                    return "Authorization".equalsIgnoreCase((String) args[0]) && authorization != null
                            ? authorization : null;
                default:
                    return null;
            }
        });
    }

    private HttpServletResponse response() {
        ServletOutputStream body = new ServletOutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return proxy(HttpServletResponse.class, (name, args) -> {
            switch (name) {
                case "setStatus":
                    status = (Integer) args[0];
                    return null;
                case "isCommitted":
                    return false;
                case "getOutputStream":
                    return body;
                default:
                    return null;
            }
        });
    }

    private interface Handler {
        Object handle(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Handler handler) {
        Object instance = Proxy.newProxyInstance(FilterBenchmark.class.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> {
                    if (m.getDeclaringClass() == Object.class) {
                        switch (m.getName()) {
                            case "hashCode":
                                return System.identityHashCode(p);
                            case "equals":
                                return p == args[0];
                            default:
                                return type.getSimpleName() + " double";
                        }
                    }
                    return handler.handle(m.getName(), args);
                });
        return type.cast(instance);
    }
}
