package org.alignlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TailBufferTest {

    @Test
    void keepsOnlyTheLastBytesAndCountsEverything() {
        TailBuffer buffer = new TailBuffer(10);
        buffer.drain(new ByteArrayInputStream("0123456789abcdefghij-the-end".getBytes(StandardCharsets.UTF_8)));

        assertThat(buffer.total()).isEqualTo(28);
        assertThat(buffer.tail(100)).isEqualTo("ij-the-end");
        assertThat(buffer.tail(3)).isEqualTo("end");
    }

    @Test
    void returnsEverythingWhileUnderCapacity() {
        TailBuffer buffer = new TailBuffer(100);
        byte[] bytes = "short".getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);

        assertThat(buffer.tail(100)).isEqualTo("short");
    }

    @Test
    void replacesACharacterCutInHalfAtTheStart() {
        TailBuffer buffer = new TailBuffer(3);
        byte[] bytes = "xé!!".getBytes(StandardCharsets.UTF_8); // é is two bytes; the first one falls off
        buffer.write(bytes, 0, bytes.length);

        assertThat(buffer.tail(3)).isEqualTo("\uFFFD!!");
    }
}
