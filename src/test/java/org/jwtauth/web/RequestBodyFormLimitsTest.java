package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

/**
 * A container refuses a form that breaks its own limits (Jetty: a chunked body beyond maxFormContentSize, too
 * many keys) by throwing from {@code getParameterValues}, or (Tomcat 9 and 10.0) keeps the fields before its
 * maxParameterCount and says so in a request attribute; the endpoints must answer 400 invalid_request, not 500,
 * and never act on a form the container only half read.
 */
class RequestBodyFormLimitsTest {

    /** Jetty: reading the form throws. */
    private static final HttpServletRequest REFUSED = form(-1L, name -> {
        throw new IllegalStateException("Form is larger than max length 200000");
    }, false);

    /** Tomcat 9: the first fields are there, the rest are dropped, and the request says the parse failed. */
    private static final HttpServletRequest CUT_SHORT = form(9000L, name -> new String[] {"alice"}, true);

    /** A form request whose fields the container answers with {@code values}, flagged as a failed parse or not. */
    private static HttpServletRequest form(long length, Function<String, String[]> values, boolean parseFailed) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodyFormLimitsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getContentType":
                            return "application/x-www-form-urlencoded";
                        case "getContentLengthLong":
                            return length;
                        case "getQueryString":
                            return null;
                        case "getParameterValues":
                            return values.apply((String) args[0]);
                        case "getAttribute":
                            return parseFailed && RequestBody.TOMCAT_PARSE_FAILED.equals(args[0]) ? Boolean.TRUE : null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static void assertMalformed(RejectedRequest e) {
        assertEquals(400, e.error().status());
        assertEquals(ErrorCode.INVALID_REQUEST.value(), e.error().code().orElseThrow());
    }

    @Test
    void stringWhenTheContainerReadOnlyPartOfTheFormThenMalformedRequest() throws Exception {
        RequestBody body = RequestBody.read(CUT_SHORT);
        assertMalformed(assertThrows(RejectedRequest.class, () -> body.requiredString("username", 256)));
    }

    @Test
    void stringWhenTheContainerRefusesTheFormThenMalformedRequest() throws Exception {
        RequestBody body = RequestBody.read(REFUSED);
        assertMalformed(assertThrows(RejectedRequest.class, () -> body.requiredString("username", 256)));
    }

    @Test
    void flagWhenTheContainerRefusesTheFormThenMalformedRequest() throws Exception {
        RequestBody body = RequestBody.read(REFUSED);
        assertMalformed(assertThrows(RejectedRequest.class, () -> body.flag("allDevices")));
    }
}
