package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alignlab.contracts.json.CanonicalJson;
import org.alignlab.contracts.json.Sha256;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void matchesTheRfc8785Example() {
        // RFC 8785 section 3.2.2 input, without its non-ASCII string to keep this source ASCII.
        String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"literals\": [null, true, false]}";
        assertThat(CanonicalJson.canonicalize(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27]}");
    }

    @Test
    void keyOrderDoesNotChangeTheBytesOrTheHash() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", "x");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", "x");
        ba.put("a", 1);

        assertThat(new String(CanonicalJson.bytes(ab), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1,\"b\":\"x\"}");
        assertThat(Sha256.ofCanonical(ab)).isEqualTo(Sha256.ofCanonical(ba));
    }

    @Test
    void chainHashDependsOnThePreviousHash() {
        byte[] record = CanonicalJson.bytes(Map.of("seq", 1));
        assertThat(Sha256.chain("0".repeat(64), record)).isNotEqualTo(Sha256.chain("1".repeat(64), record));
        assertThat(Sha256.chain("0".repeat(64), record)).matches("[0-9a-f]{64}");
    }
}
