package org.jwtauth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CookiePathTest {

    @Test
    void pathWhenDefaultMappingsThenTheAuthDirectoryOfTheContext() {
        assertEquals("/app/auth", CookiePath.common("/app", List.of("/auth/refresh", "/auth/logout")));
    }

    @Test
    void pathWhenRootContextThenWithoutAContextPrefix() {
        assertEquals("/auth", CookiePath.common("", List.of("/auth/refresh", "/auth/logout")));
    }

    @Test
    void pathWhenEndpointsRemappedApartThenTheirDeepestCommonDirectoryAtMostTheContext() {
        assertEquals("/app/api/v1/tokens",
                CookiePath.common("/app", List.of("/api/v1/tokens/refresh", "/api/v1/tokens/logout")));
        assertEquals("/app", CookiePath.common("/app", List.of("/refresh", "/signout")));
        assertEquals("/", CookiePath.common("", List.of("/refresh", "/signout")));
    }

    @Test
    void pathWhenOnePrefixDiffersWithinASegmentThenTheSegmentIsNotShared() {
        assertEquals("/app", CookiePath.common("/app", List.of("/authx/refresh", "/auth/logout")));
    }

    @Test
    void pathWhenAPathOrExtensionPatternIsMappedThenItsDirectoryOrTheContext() {
        assertEquals("/app/tokens", CookiePath.common("/app", List.of("/tokens/*", "/tokens/logout")));
        assertEquals("/app", CookiePath.common("/app", List.of("*.do", "/auth/logout")));
    }
}
