package org.alignlab.bench.seedvalues;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The data file: {@code #} lines saying what wrote it and with which code, then {@link SeedValue#HEADER} and one line
 * per seed. Nothing in it depends on the machine or the time of the run, so the same code gives the same file.
 */
public final class SeedValuesFile {

    private final List<String> provenance;
    private final Writer out;

    /** @param provenance lines for the header, each written after {@code # } */
    public SeedValuesFile(List<String> provenance, Writer out) {
        this.provenance = List.copyOf(provenance);
        this.out = out;
    }

    public void writeHeader() throws IOException {
        for (String line : provenance) {
            if (line.contains("\n")) {
                throw new IllegalArgumentException("a provenance line holds a line break: " + line);
            }
            out.write("# " + line + "\n");
        }
        out.write(SeedValue.HEADER + "\n");
    }

    /** Written and flushed at once, so an interrupted run leaves every value it computed. */
    public void write(SeedValue value) throws IOException {
        out.write(value.csv() + "\n");
        out.flush();
    }
}
