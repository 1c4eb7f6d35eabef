package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/**
 * A container refuses a form that breaks its own limits (Jetty: a chunked body beyond maxFormContentSize, too
 * many keys) by throwing from {@code getParameterValues}, or (Tomcat 9 and 10.0) keeps the fields before its
 * maxParameterCount and says so in a request attribute; the endpoints must answer 400 invalid_request, not 500,
 * and never act on a form the container only half read.
 */
class RequestBodyFormLimitsTest {

    /** Tomcat 9: the first fields are there, the rest are dropped, and the request says the parse failed. */
    private static HttpServletRequest formCutShortByTheContainer() {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodyFormLimitsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getContentType":
                            return "application/x-www-form-urlencoded";
                        case "getContentLengthLong":
                            return 9000L;
                        case "getQueryString":
                            return null;
                        case "getParameterValues":
                            return new String[] {"alice"};
                        case "getAttribute":
                            return RequestBody.TOMCAT_PARSE_FAILED.equals(args[0]) ? Boolean.TRUE : null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void stringWhenTheContainerReadOnlyPartOfTheFormThenMalformedRequest() throws Exception {
        RequestBody body = RequestBody.read(formCutShortByTheContainer());
        RejectedRequest e = assertThrows(RejectedRequest.class, () -> body.requiredString("username", 256));
        assertEquals(400, e.error().status());
        assertEquals(ErrorCode.INVALID_REQUEST.value(), e.error().code().orElseThrow());
    }

    private static HttpServletRequest formRefusedByTheContainer() {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodyFormLimitsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getContentType":
                            return "application/x-www-form-urlencoded";
                        case "getContentLengthLong":
                            return -1L;
                        case "getQueryString":
                            return null;
                        case "getParameter":
                        case "getParameterValues":
                        case "getParameterMap":
                            throw new IllegalStateException("Form is larger than max length 200000");
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void stringWhenTheContainerRefusesTheFormThenMalformedRequest() throws Exception {
        RequestBody body = RequestBody.read(formRefusedByTheContainer());
        RejectedRequest e = assertThrows(RejectedRequest.class, () -> body.requiredString("username", 256));
        assertEquals(400, e.error().status());
        assertEquals(ErrorCode.INVALID_REQUEST.value(), e.error().code().orElseThrow());
    }

    @Test
    void flagWhenTheContainerRefusesTheFormThenMalformedRequest() throws Exception {
        RequestBody body = RequestBody.read(formRefusedByTheContainer());
        RejectedRequest e = assertThrows(RejectedRequest.class, () -> body.flag("allDevices"));
        assertEquals(400, e.error().status());
    }
}
