package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6750 section 2.1: the token comes from exactly one Authorization header, never from the URL. */
class BearerTokenResolverTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

    private final BearerTokenResolver resolver = new BearerTokenResolver();

    private BearerTokenResolver.Resolution resolve(Fakes.Request request) {
        return resolver.resolve(request.proxy());
    }

    private static void assertMalformed(BearerTokenResolver.Resolution r) {
        assertTrue(r.isMalformed());
        assertFalse(r.isAbsent());
        assertNull(r.token());
    }

    private static void assertAbsent(BearerTokenResolver.Resolution r) {
        assertTrue(r.isAbsent());
        assertFalse(r.isMalformed());
        assertNull(r.token());
    }

    @Test
    void resolveWhenNoAuthorizationHeaderThenAbsent() {
        assertAbsent(resolve(new Fakes.Request()));
    }

    @Test
    void resolveWhenAuthorizationHeaderIsEmptyThenMalformed() {
        assertMalformed(resolve(new Fakes.Request().header("Authorization", "")));
        assertMalformed(resolve(new Fakes.Request().header("Authorization", "   ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%61ccess_token=x", "access%5Ftoken=x", "a=1&%61%63cess_token", "access_token"})
    void resolveWhenAccessTokenIsInTheQueryUnderAnyEncodingThenMalformed(String query) {
        assertMalformed(resolve(new Fakes.Request().query(query).header("Authorization", "Bearer " + TOKEN)));
    }

    @Test
    void resolveWhenBasicSchemeThenAbsent() {
        assertAbsent(resolve(new Fakes.Request().header("Authorization", "Basic dXNlcjpwYXNz")));
    }

    @Test
    void resolveWhenSchemeOnlyStartsWithBearerThenAbsent() {
        assertAbsent(resolve(new Fakes.Request().header("Authorization", "BearerX " + TOKEN)));
    }

    @Test
    void resolveWhenBearerTokenThenTheToken() {
        BearerTokenResolver.Resolution r = resolve(new Fakes.Request().header("Authorization", "Bearer " + TOKEN));
        assertFalse(r.isAbsent());
        assertFalse(r.isMalformed());
        assertEquals(TOKEN, r.token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "bEaReR"})
    void resolveWhenSchemeInAnyCaseThenAccepted(String scheme) {
        assertEquals(TOKEN, resolve(new Fakes.Request().header("Authorization", scheme + " " + TOKEN)).token());
    }

    @Test
    void resolveWhenTokenHasSurroundingWhitespaceThenItIsTrimmed() {
        assertEquals(TOKEN, resolve(new Fakes.Request().header("Authorization", "  Bearer   " + TOKEN + "  ")).token());
    }

    @Test
    void resolveWhenB64TokenHasTrailingPaddingThenAcceptedAsItIs() {
        // RFC 6750 b64token allows "="; the verifier decides that a JWT must not have it.
        assertEquals("abc~+/==", resolve(new Fakes.Request().header("Authorization", "Bearer abc~+/==")).token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "bearer\t"})
    void resolveWhenBearerWithoutTokenThenMalformed(String header) {
        assertMalformed(resolve(new Fakes.Request().header("Authorization", header)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc def", "Bearer abc\tdef", "Bearer a=b", "Bearer =abc", "Bearer abc,def",
            "Bearer \"abc\"", "Bearer abc;", "Bearer ab\u00e9c"})
    void resolveWhenTokenHasCharactersOutsideB64TokenThenMalformed(String header) {
        assertMalformed(resolve(new Fakes.Request().header("Authorization", header)));
    }

    @Test
    void resolveWhenTwoAuthorizationHeadersThenMalformed() {
        assertMalformed(resolve(new Fakes.Request().header("Authorization", "Bearer " + TOKEN)
                .header("Authorization", "Bearer " + TOKEN)));
        assertMalformed(resolve(new Fakes.Request().header("Authorization", "Basic dXNlcjpwYXNz")
                .header("Authorization", "Bearer " + TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token=" + TOKEN, "a=1&access_token=x", "access_token", "access_token=",
            "access%5Ftoken=x", "access%5ftoken=x"})
    void resolveWhenAccessTokenInQueryThenMalformed(String query) {
        assertMalformed(resolve(new Fakes.Request().query(query)));
        assertMalformed(resolve(new Fakes.Request().query(query).header("Authorization", "Bearer " + TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_access_token=x", "a=access_token", "access_tokens=1", "page=2"})
    void resolveWhenQueryOnlyMentionsSimilarNamesThenNotMalformed(String query) {
        assertAbsent(resolve(new Fakes.Request().query(query)));
        assertEquals(TOKEN, resolve(new Fakes.Request().query(query).header("Authorization", "Bearer " + TOKEN)).token());
    }
}
