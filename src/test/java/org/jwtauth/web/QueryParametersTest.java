package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6750 section 5.3: which query strings of a token endpoint carry credentials, and how many values a name has. */
class QueryParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"password=x", "lang=en&username=alice", "refreshToken=", "access_token=a.b.c",
            "refresh_token=r", "pass%77ord=x", "user+name=x&username", "%zz=1", "accessToken"})
    void carriesCredentialsWhenTheQueryNamesACredentialOrHidesANameThenTrue(String query) {
        assertTrue(QueryParameters.of(query).carriesCredentials(), query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lang=en", "allDevices=true", "x=password&y=refreshToken", "&&=", "q=%zz"})
    void carriesCredentialsWhenTheQueryHasOnlyOtherNamesThenFalse(String query) {
        assertFalse(QueryParameters.of(query).carriesCredentials(), query);
    }

    @Test
    void carriesCredentialsWhenThereIsNoQueryThenFalse() {
        assertFalse(QueryParameters.of(null).carriesCredentials());
    }

    @Test
    void countWhenANameIsRepeatedOrEncodedThenEachValueCounts() {
        QueryParameters q = QueryParameters.of("allDevices=true&all%44evices=false&other=1&allDevices");
        assertEquals(3, q.count("allDevices"));
        assertEquals(0, q.count("missing"));
    }
}
