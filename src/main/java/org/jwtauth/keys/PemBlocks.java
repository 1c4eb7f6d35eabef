package org.jwtauth.keys;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits PEM text (RFC 7468) into labelled DER blocks. Only the textual encoding is handled here; what a block
 * holds is decided by {@link KeyFileReader}.
 */
final class PemBlocks {

    /** RFC 7468 section 3: a label between matching BEGIN and END lines; base64 possibly split over lines. */
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** One PEM block. */
    static final class Block {
        final String label;
        final byte[] der;

        Block(String label, byte[] der) {
            this.label = label;
            this.der = der;
        }
    }

    private PemBlocks() {
    }

    /** Every block of {@code text}, in order; empty when there is none. */
    static List<Block> parse(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
            blocks.add(new Block(m.group(1), der));
        }
        return blocks;
    }
}
