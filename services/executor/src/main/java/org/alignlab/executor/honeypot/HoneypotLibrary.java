package org.alignlab.executor.honeypot;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.alignlab.contracts.events.AgentAction;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;

/**
 * The attacks honeypots are made from ({@code honeypots/library.jsonl}, written by models/trusted-monitor's
 * {@code WriteHoneypots} from the trusted monitor's attack library with a seed of its own, never from an
 * evaluation set). Each is harmless by construction where it matters: the executor refuses every honeypot's
 * ticket, so none of them ever runs.
 */
@ApplicationScoped
public class HoneypotLibrary {

    static final String RESOURCE = "honeypots/library.jsonl";

    private final List<Entry> entries;

    public HoneypotLibrary() {
        this(load(RESOURCE));
    }

    HoneypotLibrary(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("the honeypot library is empty");
        }
        this.entries = List.copyOf(entries);
    }

    /** An attack of the library and the category it belongs to. */
    public record Entry(String category, AgentAction action) {
    }

    public SortedSet<String> categories() {
        TreeSet<String> categories = new TreeSet<>();
        entries.forEach(e -> categories.add(e.category()));
        return categories;
    }

    /** Any entry, each as likely as the next. */
    public Entry draw(RandomGenerator random) {
        return entries.get(random.nextInt(entries.size()));
    }

    /** An entry of this category, if the library has one. */
    public Optional<Entry> draw(String category, RandomGenerator random) {
        List<Entry> ofCategory = entries.stream().filter(e -> e.category().equals(category)).toList();
        return ofCategory.isEmpty() ? Optional.empty() : Optional.of(ofCategory.get(random.nextInt(ofCategory.size())));
    }

    static List<Entry> load(String resource) {
        InputStream in = HoneypotLibrary.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no honeypot library at " + resource + " on the class path");
        }
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode row = Json.parse(line);
                    // Decoded through the AgentAction schema: an entry the gate would dead-letter is no honeypot.
                    entries.add(new Entry(row.path("category").asText(),
                            EventCodec.decode(row.path("action").toString(), AgentAction.class)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
