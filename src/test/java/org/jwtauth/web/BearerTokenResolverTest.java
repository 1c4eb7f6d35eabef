package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6750 section 2.1: the token comes from exactly one Authorization header, never from the URL. */
class BearerTokenResolverTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl";

    private final BearerTokenResolver resolver = new BearerTokenResolver();

    private Optional<String> resolve(Fakes.Request request) throws RejectedRequest {
        return resolver.resolve(request.proxy());
    }

    private String token(Fakes.Request request) throws RejectedRequest {
        return resolve(request).orElseThrow();
    }

    private void assertMalformed(Fakes.Request request) {
        RejectedRequest e = assertThrows(RejectedRequest.class, () -> resolve(request));
        assertSame(AuthErrors.MALFORMED_REQUEST, e.error());
    }

    private void assertAbsent(Fakes.Request request) throws RejectedRequest {
        assertEquals(Optional.empty(), resolve(request));
    }

    @Test
    void resolveWhenNoAuthorizationHeaderThenAbsent() throws RejectedRequest {
        assertAbsent(new Fakes.Request());
    }

    @Test
    void resolveWhenAuthorizationHeaderIsEmptyThenMalformed() {
        assertMalformed(new Fakes.Request().header("Authorization", ""));
        assertMalformed(new Fakes.Request().header("Authorization", "   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%61ccess_token=x", "access%5Ftoken=x", "a=1&%61%63cess_token", "access_token"})
    void resolveWhenAccessTokenIsInTheQueryUnderAnyEncodingThenMalformed(String query) {
        assertMalformed(new Fakes.Request().query(query).header("Authorization", "Bearer " + TOKEN));
    }

    @Test
    void resolveWhenBasicSchemeThenAbsent() throws RejectedRequest {
        assertAbsent(new Fakes.Request().header("Authorization", "Basic dXNlcjpwYXNz"));
    }

    @Test
    void resolveWhenSchemeOnlyStartsWithBearerThenAbsent() throws RejectedRequest {
        assertAbsent(new Fakes.Request().header("Authorization", "BearerX " + TOKEN));
    }

    @Test
    void resolveWhenBearerTokenThenTheToken() throws RejectedRequest {
        assertEquals(Optional.of(TOKEN), resolve(new Fakes.Request().header("Authorization", "Bearer " + TOKEN)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "BEARER", "bEaReR"})
    void resolveWhenSchemeInAnyCaseThenAccepted(String scheme) throws RejectedRequest {
        assertEquals(TOKEN, token(new Fakes.Request().header("Authorization", scheme + " " + TOKEN)));
    }

    @Test
    void resolveWhenTokenHasSurroundingWhitespaceThenItIsTrimmed() throws RejectedRequest {
        assertEquals(TOKEN, token(new Fakes.Request().header("Authorization", "  Bearer   " + TOKEN + "  ")));
    }

    @Test
    void resolveWhenB64TokenHasTrailingPaddingThenAcceptedAsItIs() throws RejectedRequest {
        // RFC 6750 b64token allows "="; the verifier decides that a JWT must not have it.
        assertEquals("abc~+/==", token(new Fakes.Request().header("Authorization", "Bearer abc~+/==")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer    ", "bearer\t"})
    void resolveWhenBearerWithoutTokenThenMalformed(String header) {
        assertMalformed(new Fakes.Request().header("Authorization", header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer abc def", "Bearer abc\tdef", "Bearer a=b", "Bearer =abc", "Bearer abc,def",
            "Bearer \"abc\"", "Bearer abc;", "Bearer ab\u00e9c"})
    void resolveWhenTokenHasCharactersOutsideB64TokenThenMalformed(String header) {
        assertMalformed(new Fakes.Request().header("Authorization", header));
    }

    @Test
    void resolveWhenTwoAuthorizationHeadersThenMalformed() {
        assertMalformed(new Fakes.Request().header("Authorization", "Bearer " + TOKEN)
                .header("Authorization", "Bearer " + TOKEN));
        assertMalformed(new Fakes.Request().header("Authorization", "Basic dXNlcjpwYXNz")
                .header("Authorization", "Bearer " + TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"access_token=" + TOKEN, "a=1&access_token=x", "access_token", "access_token=",
            "access%5Ftoken=x", "access%5ftoken=x"})
    void resolveWhenAccessTokenInQueryThenMalformed(String query) {
        assertMalformed(new Fakes.Request().query(query));
        assertMalformed(new Fakes.Request().query(query).header("Authorization", "Bearer " + TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_access_token=x", "a=access_token", "access_tokens=1", "page=2"})
    void resolveWhenQueryOnlyMentionsSimilarNamesThenNotMalformed(String query) throws RejectedRequest {
        assertAbsent(new Fakes.Request().query(query));
        assertEquals(TOKEN, token(new Fakes.Request().query(query).header("Authorization", "Bearer " + TOKEN)));
    }
}
