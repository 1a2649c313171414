package org.alignlab.contracts.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JCS) canonical JSON: sorted keys, no whitespace, ECMAScript number forms. Two parties that
 * serialise the same value get the same bytes, which is what hashing and signing need.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of any value the shared mapper can serialise. */
    public static byte[] bytes(Object value) {
        return canonicalize(Json.write(value)).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical form of a JSON text. */
    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot canonicalise JSON", e);
        }
    }
}
