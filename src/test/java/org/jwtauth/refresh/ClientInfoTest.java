package org.jwtauth.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClientInfoTest {

    @Test
    void ofWhenTheUserAgentIsLongerThan256CharactersThenCutThereAndNeverInsideASurrogatePair() {
        String agent = "a".repeat(255) + "\uD83D\uDE00" + "tail";

        assertEquals(Optional.of("a".repeat(255)), ClientInfo.of(agent, null).userAgent());
        assertEquals(Optional.of("b".repeat(256)), ClientInfo.of("b".repeat(300), null).userAgent());
    }

    @Test
    void ofWhenNothingOrAnEmptyHeaderWasSentThenNothingIsRecorded() {
        ClientInfo info = ClientInfo.of("", null);

        assertEquals(Optional.empty(), info.userAgent());
        assertEquals(Optional.empty(), info.address());
    }
}
