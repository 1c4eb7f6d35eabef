package org.jwtauth.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JwtPrincipalTest {

    @Test
    @SuppressWarnings("unchecked")
    void claimsWhenNestedObjectsAndArraysThenNoneCanBeChangedThroughThePrincipal() {
        // One principal serves every request with the same token (the verified-token cache).
        Map<String, Object> address = new LinkedHashMap<>(Map.of("city", "Basel"));
        List<Object> groups = new ArrayList<>(List.of("a", new ArrayList<>(List.of("b"))));
        JwtPrincipal principal = new JwtPrincipal("alice", "s1", Set.of("user"), Instant.EPOCH,
                Map.of("address", address, "groups", groups));
        address.put("city", "Bern");
        groups.add("c");

        Map<String, Object> seenAddress = (Map<String, Object>) principal.claims().get("address");
        List<Object> seenGroups = (List<Object>) principal.claims().get("groups");
        assertEquals("Basel", seenAddress.get("city"), "a copy, not the parser's map");
        assertEquals(2, seenGroups.size());
        assertThrows(UnsupportedOperationException.class, () -> seenAddress.put("city", "Bern"));
        assertThrows(UnsupportedOperationException.class, () -> seenGroups.add("c"));
        assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) seenGroups.get(1)).add("c"));
        assertThrows(UnsupportedOperationException.class, () -> principal.claims().put("x", 1));
    }
}
