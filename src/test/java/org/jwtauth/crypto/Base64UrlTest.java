package org.jwtauth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Base64UrlTest {

    /** RFC 4648 section 5, table 2. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Test
    void valueWhenAnyCharacterThenItsIndexInTheUrlSafeAlphabetOrMinusOne() {
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            assertEquals(ALPHABET.indexOf(c), Base64Url.value((char) c), "character " + c);
            assertEquals(ALPHABET.indexOf(c) >= 0, Base64Url.isAlphabet((char) c), "character " + c);
        }
    }
}
