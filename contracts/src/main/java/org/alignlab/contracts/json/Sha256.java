package org.alignlab.contracts.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lowercase hex, the form every hash takes in AlignLab's events and audit log. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    /** The hash of the canonical JSON of a value: what "payload hash" means throughout. */
    public static String ofCanonical(Object value) {
        return hex(CanonicalJson.bytes(value));
    }

    /** {@code SHA-256(prevHash ‖ canonicalJson)}, the link of a hash chain; {@code prevHash} as its hex text. */
    public static String chain(String prevHash, byte[] canonicalRecord) {
        MessageDigest digest = digest();
        digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        digest.update(canonicalRecord);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
