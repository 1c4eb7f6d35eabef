package org.jwtauth.login;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What the login endpoint assumes about usernames. Realms disagree on what makes two names one user: MariaDB's
 * default collations ignore case and trailing spaces, LDAP matches case-insensitively and ignores surrounding
 * spaces (RFC 4518 section 2.6.1), others compare exactly. The throttle therefore counts all spellings of one
 * name together, and names a realm might silently trim are refused; the realm itself still gets the name as typed
 * and decides who logged in.
 */
public final class Usernames {

    private Usernames() {
    }

    /**
     * Whether {@code username} may be checked at all: no white space at either end (Unicode's, including no-break
     * spaces) and no control character anywhere. Refused names get the wrong-password answer.
     */
    public static boolean acceptable(String username) {
        if (username.isEmpty() || isSpace(username.codePointAt(0))
                || isSpace(username.codePointBefore(username.length()))) {
            return false;
        }
        return username.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL);
    }

    /**
     * The key the throttle counts a username by: NFKC (full-width and compatibility forms fold to their plain
     * letters, Unicode UAX #15) and then a case fold. Java has no full case fold; upper- then lower-casing folds
     * the cases that matter here ("ß" and "SS", final sigma), and NFKC once more settles what casing decomposed.
     */
    static String throttleKey(String username) {
        String nfkc = Normalizer.normalize(username, Normalizer.Form.NFKC);
        String folded = nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return Normalizer.normalize(folded, Normalizer.Form.NFKC);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
