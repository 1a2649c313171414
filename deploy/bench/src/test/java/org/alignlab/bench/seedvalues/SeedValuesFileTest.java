package org.alignlab.bench.seedvalues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.alignlab.contracts.events.Split;
import org.junit.jupiter.api.Test;

class SeedValuesFileTest {

    @Test
    void writesProvenanceThenOneLinePerSeedWithoutFieldsThatNeedQuoting() throws IOException {
        StringWriter out = new StringWriter();
        SeedValuesFile file = new SeedValuesFile(List.of("Written by: x", "Code version: abc"), out);

        file.writeHeader();
        file.write(new SeedValue("weak-to-strong", "mixed", Map.of("noise", 2.0, "auxLossAlpha", 0.5), Split.HELDOUT,
                1_000_001, "pgr", OptionalDouble.of(0.1 + 0.2)));
        file.write(new SeedValue("weak-to-strong", "defaults", Map.of(), Split.VALIDATION, 3, "pgr",
                OptionalDouble.empty()));

        assertThat(out.toString().lines().toList()).containsExactly(
                "# Written by: x",
                "# Code version: abc",
                SeedValue.HEADER,
                "weak-to-strong,mixed,auxLossAlpha=0.5;noise=2.0,heldout,1000001,pgr,0.30000000000000004",
                "weak-to-strong,defaults,,validation,3,pgr,");
    }

    @Test
    void refusesAProvenanceLineThatWouldBreakTheHeader() {
        SeedValuesFile file = new SeedValuesFile(List.of("two\nlines"), new StringWriter());

        assertThatThrownBy(file::writeHeader).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecordedCommandLeavesOutTheCommitTheWrapperAdds() {
        assertThat(FamilySeedValues.withoutCodeVersion(List.of("--code-version", "abc", "--seeds", "30",
                "--code-version=def", "--out", "f.csv"))).containsExactly("--seeds", "30", "--out", "f.csv");
    }
}
