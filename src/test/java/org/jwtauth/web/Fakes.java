package org.jwtauth.web;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Hand-made servlet doubles: only the methods the library calls do anything. */
final class Fakes {

    private Fakes() {
    }

    /** A request; build with the fluent setters, then {@link #proxy()}. */
    static final class Request {
        String method = "GET";
        String servletPath = "/api";
        String pathInfo = "/orders";
        String queryString;
        jakarta.servlet.DispatcherType dispatcherType = jakarta.servlet.DispatcherType.REQUEST;
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final Map<String, List<String>> headers = new LinkedHashMap<>();

        /** An include of {@code servlet}{@code info} into this request (the included paths are attributes). */
        Request included(String servlet, String info) {
            dispatcherType = jakarta.servlet.DispatcherType.INCLUDE;
            attributes.put(jakarta.servlet.RequestDispatcher.INCLUDE_SERVLET_PATH, servlet);
            attributes.put(jakarta.servlet.RequestDispatcher.INCLUDE_PATH_INFO, info);
            return path("/pages", "/including");
        }

        Request header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        Request method(String m) {
            method = m;
            return this;
        }

        Request path(String servlet, String info) {
            servletPath = servlet;
            pathInfo = info;
            return this;
        }

        Request query(String q) {
            queryString = q;
            return this;
        }

        HttpServletRequest proxy() {
            return fake(HttpServletRequest.class, "FakeRequest", (p, m, args) -> {
                switch (m.getName()) {
                    case "getMethod":
                        return method;
                    case "getServletPath":
                        return servletPath;
                    case "getPathInfo":
                        return pathInfo;
                    case "getQueryString":
                        return queryString;
                    case "getDispatcherType":
                        return dispatcherType;
                    case "getAttribute":
                        return attributes.get((String) args[0]);
                    case "getHeaders":
                        return Collections.enumeration(
                                headers.getOrDefault(((String) args[0]).toLowerCase(java.util.Locale.ROOT), List.of()));
                    case "getHeader": {
                        List<String> v = headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                        return v == null ? null : v.get(0);
                    }
                    case "getUserPrincipal":
                    case "getRemoteUser":
                    case "getAuthType":
                        return null;
                    case "isUserInRole":
                        return false;
                    case "getRemoteAddr":
                        return "192.0.2.7";
                    default:
                        throw new UnsupportedOperationException("request." + m.getName());
                }
            });
        }
    }

    /** A response recording what was written. */
    static final class Response {
        int status = 200;
        boolean committed;
        String contentType;
        Integer contentLength;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String bodyText() {
            return new String(body.toByteArray(), StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            // The setters' answers are ignored: they are void methods.
            return fake(HttpServletResponse.class, "FakeResponse", Map.of(
                    "setStatus", args -> status = (Integer) args[0],
                    "getStatus", args -> status,
                    "setHeader", args -> headers.put(((String) args[0]).toLowerCase(java.util.Locale.ROOT),
                            (String) args[1]),
                    "getHeader", args -> headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT)),
                    "isCommitted", args -> committed,
                    "setContentType", args -> contentType = (String) args[0],
                    "setContentLength", args -> contentLength = (Integer) args[0],
                    "getOutputStream", args -> out));
        }
    }

    /** A chain remembering the request it was called with. */
    static final class Chain implements FilterChain {
        ServletRequest request;
        int calls;

        @Override
        public void doFilter(ServletRequest req, jakarta.servlet.ServletResponse res) {
            request = req;
            calls++;
        }

        boolean ran() {
            return calls > 0;
        }
    }

    static ServletContext context(Map<String, Object> attributes) {
        return fake(ServletContext.class, "FakeContext", Map.of(
                "getAttribute", args -> attributes.get((String) args[0]),
                "getContextPath", args -> "/app"));
    }

    static FilterConfig filterConfig(Map<String, String> initParams, ServletContext context) {
        return fake(FilterConfig.class, "FakeFilterConfig", (p, m, args) -> {
            switch (m.getName()) {
                case "getInitParameter":
                    return initParams.get((String) args[0]);
                case "getInitParameterNames":
                    return Collections.enumeration(initParams.keySet());
                case "getServletContext":
                    return context;
                case "getFilterName":
                    return "jwtAuthFilter";
                default:
                    throw new UnsupportedOperationException("filterConfig." + m.getName());
            }
        });
    }

    /**
     * A proxy of {@code type} that answers Object's methods by identity, the methods named in {@code answers}
     * with their function of the arguments, and every other method with an UnsupportedOperationException.
     */
    static <T> T fake(Class<T> type, String name, Map<String, Function<Object[], Object>> answers) {
        return fake(type, name, (p, m, args) -> {
            Function<Object[], Object> answer = answers.get(m.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(name + "." + m.getName());
            }
            return answer.apply(args);
        });
    }

    /** A proxy of {@code type} that answers Object's methods by identity and the others with {@code answers}. */
    static <T> T fake(Class<T> type, String name, InvocationHandler answers) {
        InvocationHandler h = (p, m, args) -> {
            switch (m.getName()) {
                case "toString":
                    return name;
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                default:
                    return answers.invoke(p, m, args);
            }
        };
        return type.cast(Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, h));
    }
}
