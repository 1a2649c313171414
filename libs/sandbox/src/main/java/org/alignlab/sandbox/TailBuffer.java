package org.alignlab.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last {@code capacity} bytes written to it, so a workload that floods its output costs bounded
 * memory and the end of the log (where the error usually is) survives. Thread-safe.
 */
public final class TailBuffer {

    private final byte[] ring;
    private long total;

    public TailBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.ring = new byte[capacity];
    }

    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (total % ring.length)] = bytes[offset + i];
            total++;
        }
    }

    /** Reads the stream to its end; reading errors end it early (the process side closed). */
    public void drain(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(chunk)) >= 0) {
                write(chunk, 0, read);
            }
        } catch (IOException e) {
            // The pipe went away with the process; what was read is kept.
        }
    }

    /** Bytes ever written, including those dropped. */
    public synchronized long total() {
        return total;
    }

    /** The last {@code maxBytes} bytes kept, as UTF-8 (a character cut at the start becomes U+FFFD). */
    public synchronized String tail(int maxBytes) {
        int kept = (int) Math.min(total, ring.length);
        int length = Math.min(kept, maxBytes);
        byte[] out = new byte[length];
        long start = total - length;
        for (int i = 0; i < length; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(out))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE never throws", e);
        }
    }
}
