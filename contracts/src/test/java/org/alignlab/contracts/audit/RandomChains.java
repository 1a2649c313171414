package org.alignlab.contracts.audit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Random audit chains shaped like the monitor's: micro-second times, text the database can store, null where
 * a column is nullable, scores in [0, 1]. Plus the reflective copy-with-one-field-changed that tampering needs.
 */
final class RandomChains {

    static final String CHAIN = "main";

    /** Columns the database lets be null; a tamperer may blank them. */
    static final Set<String> NULLABLE = Set.of("goalId", "actionId", "agent", "traceId", "decision", "suspicion",
            "modelScore", "actor", "policyVersion", "detail", "monitorKeyId", "monitorSignature");

    private static final RecordComponent[] COMPONENTS = ChainEntry.class.getRecordComponents();

    private static final int MAX_CHAIN_LENGTH = 16;

    private static final int MAX_TEXT_LENGTH = 12;

    /** Characters that need escaping in JSON, drawn as often as each letter range so escaping is always tried. */
    private static final String ESCAPED = "\n\t\"\\";

    private RandomChains() {
    }

    /** A valid, correctly linked chain of {@code minLength} to 16 records. */
    static List<ChainLink> chain(Random random, int minLength) {
        return chainOf(random, random.nextInt(minLength, MAX_CHAIN_LENGTH + 1));
    }

    /** A valid, correctly linked chain of exactly {@code length} records. */
    static List<ChainLink> chainOf(Random random, int length) {
        return link(Stream.generate(() -> entry(random)).limit(length).toList());
    }

    /** Record content; seq and prev hash are set when the records are linked. */
    static ChainEntry entry(Random random) {
        return new ChainEntry(CHAIN, 0, instant(random), text(random), orNull(random, 0.2, RandomChains::uuid),
                orNull(random, 0.2, RandomChains::uuid), orNull(random, 0.3, RandomChains::text),
                orNull(random, 0.3, RandomChains::text), sha256(random), orNull(random, 0.5, RandomChains::text),
                orNull(random, 0.5, RandomChains::score), orNull(random, 0.5, RandomChains::score),
                orNull(random, 0.3, RandomChains::text), orNull(random, 0.5, RandomChains::text),
                orNull(random, 0.3, RandomChains::text), null, null, null, null, null);
    }

    /**
     * Numbers the records from 1, links each to the one before and signs it with the monitor's key
     * ({@link Checkpoints#SIGNER}), as the monitor appends them. Any signature the content carried is replaced.
     */
    static List<ChainLink> link(List<ChainEntry> contents) {
        return link(contents, true);
    }

    /**
     * As {@link #link(List)}, but with {@code sign} false the records keep whatever signature they carried (none, or
     * one made for other content): what whoever can write the database, but does not hold the monitor's key, can
     * do.
     */
    static List<ChainLink> link(List<ChainEntry> contents, boolean sign) {
        List<ChainLink> links = new ArrayList<>();
        String prev = ChainVerifier.GENESIS_HASH;
        for (ChainEntry content : contents) {
            ChainEntry entry = with(with(content, "seq", (long) links.size() + 1), "prevHash", prev);
            if (sign) {
                entry = Checkpoints.SIGNER.sign(entry.withMonitorSignature(Checkpoints.SIGNER.keyId(), null));
            }
            prev = entry.computeHash();
            links.add(new ChainLink(entry, prev));
        }
        return links;
    }

    /** A time as PostgreSQL keeps it: micro-seconds, 2020 to 2035. */
    static Instant instant(Random random) {
        long micros = random.nextLong(1_577_836_800_000_000L, 2_051_222_400_000_001L);
        return Instant.EPOCH.plusNanos(micros * 1000);
    }

    static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** Text a UTF-8 database holds: printable ASCII, quotes, escapes, line breaks, Latin and CJK letters. */
    static String text(Random random) {
        int length = random.nextInt(MAX_TEXT_LENGTH + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(' ', '~' + 1);
                case 1 -> (char) random.nextInt('\u00a0', '\u024f' + 1);
                case 2 -> (char) random.nextInt('\u4e00', '\u4e2f' + 1);
                default -> ESCAPED.charAt(random.nextInt(ESCAPED.length()));
            });
        }
        return text.toString();
    }

    /** A score with six decimals, 0 and 1 included. */
    static Double score(Random random) {
        return random.nextInt(1_000_001) / 1e6;
    }

    static String sha256(Random random) {
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        return HexFormat.of().formatHex(digest);
    }

    /** Null with probability {@code nullShare}, else a value from {@code values}. */
    static <T> T orNull(Random random, double nullShare, Function<Random, T> values) {
        return random.nextDouble() < nullShare ? null : values.apply(random);
    }

    /** A copy of the entry with one component, named as the record names it, set to {@code value}. */
    static ChainEntry with(ChainEntry entry, String component, Object value) {
        try {
            Object[] values = new Object[COMPONENTS.length];
            Class<?>[] types = new Class<?>[COMPONENTS.length];
            for (int i = 0; i < COMPONENTS.length; i++) {
                types[i] = COMPONENTS[i].getType();
                values[i] = COMPONENTS[i].getName().equals(component) ? value : COMPONENTS[i].getAccessor()
                        .invoke(entry);
            }
            return ChainEntry.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no component " + component, e);
        }
    }

    static Object get(ChainEntry entry, String component) {
        RecordComponent found = Arrays.stream(COMPONENTS).filter(c -> c.getName().equals(component)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no component " + component));
        try {
            return found.getAccessor().invoke(entry);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Class<?> type(String component) {
        return Arrays.stream(COMPONENTS).filter(c -> c.getName().equals(component)).findFirst()
                .map(RecordComponent::getType)
                .orElseThrow(() -> new IllegalArgumentException("no component " + component));
    }

    static List<String> componentNames() {
        return Arrays.stream(COMPONENTS).map(RecordComponent::getName).toList();
    }
}
