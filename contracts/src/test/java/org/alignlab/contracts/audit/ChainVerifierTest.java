package org.alignlab.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChainVerifierTest {

    private static final String CHAIN = "main";

    @Test
    void anIntactChainVerifiesAndReportsItsHead() {
        List<ChainLink> chain = chainOf(5);

        ChainVerification result = ChainVerifier.verify(CHAIN, chain);

        assertThat(result.verified()).isTrue();
        assertThat(result.records()).isEqualTo(5);
        assertThat(result.headSeq()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(chain.get(4).hash());
        assertThat(result.firstBroken()).isNull();
    }

    @Test
    void anEmptyChainVerifiesAtGenesis() {
        ChainVerification result = ChainVerifier.verify(CHAIN, List.of());

        assertThat(result.verified()).isTrue();
        assertThat(result.headSeq()).isZero();
        assertThat(result.headHash()).isEqualTo(ChainVerifier.GENESIS_HASH);
    }

    /** Chain, seq and prev hash are covered too, and also checked as links: see the tests below. */
    static Stream<String> hashedFields() {
        return Arrays.stream(ChainEntry.class.getRecordComponents()).map(RecordComponent::getName)
                .filter(name -> !name.equals("chain") && !name.equals("seq") && !name.equals("prevHash"));
    }

    /** Any one changed field of one record is caught at that record; the hash covers every column. */
    @ParameterizedTest
    @MethodSource("hashedFields")
    void changingAnyFieldOfOneRecordNamesThatRecord(String field) throws Exception {
        List<ChainLink> chain = new ArrayList<>(chainOf(6));
        ChainLink original = chain.get(3);
        chain.set(3, new ChainLink(withField(original.entry(), field), original.hash()));

        ChainVerification result = ChainVerifier.verify(CHAIN, chain);

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBroken().seq()).isEqualTo(4);
        assertThat(result.firstBroken().reason()).contains("hash does not match");
        assertThat(result.records()).isEqualTo(6);
    }

    @Test
    void rewritingARecordWithAFreshHashBreaksTheNextLink() throws Exception {
        List<ChainLink> chain = new ArrayList<>(chainOf(5));
        ChainEntry forged = withField(chain.get(1).entry(), "decision", "ALLOW");
        chain.set(1, new ChainLink(forged, forged.computeHash()));

        ChainVerification result = ChainVerifier.verify(CHAIN, chain);

        assertThat(result.firstBroken().seq()).isEqualTo(3);
        assertThat(result.firstBroken().reason()).contains("prev_hash").contains("seq 2");
    }

    @Test
    void aMissingRecordIsNamed() {
        List<ChainLink> chain = new ArrayList<>(chainOf(5));
        chain.remove(2);

        ChainVerification result = ChainVerifier.verify(CHAIN, chain);

        assertThat(result.firstBroken().seq()).isEqualTo(4);
        assertThat(result.firstBroken().reason()).contains("expected seq 3");
    }

    @Test
    void aChangedStoredHashIsNamed() {
        List<ChainLink> chain = new ArrayList<>(chainOf(3));
        chain.set(2, new ChainLink(chain.get(2).entry(), "f".repeat(64)));

        assertThat(ChainVerifier.verify(CHAIN, chain).firstBroken().seq()).isEqualTo(3);
    }

    @Test
    void aRecordOfAnotherChainIsNamed() {
        List<ChainLink> chain = chainOf(2);

        ChainVerification result = ChainVerifier.verify("other", chain);

        assertThat(result.firstBroken().seq()).isEqualTo(1);
        assertThat(result.firstBroken().reason()).contains("chain 'main'");
    }

    private static List<ChainLink> chainOf(int length) {
        List<ChainLink> links = new ArrayList<>();
        String prev = ChainVerifier.GENESIS_HASH;
        UUID goal = UUID.randomUUID();
        for (int seq = 1; seq <= length; seq++) {
            boolean verdict = seq % 2 == 0;
            ChainEntry entry = new ChainEntry(CHAIN, seq, Instant.parse("2026-11-26T10:00:00.123456Z").plusSeconds(seq),
                    verdict ? "VERDICT" : "ACTION_PROPOSED", goal, UUID.randomUUID(), "ideation",
                    "0af7651916cd43dd8448eb211c80319c", "a".repeat(64), verdict ? "BLOCK" : null, verdict ? 1.0 : null,
                    verdict ? 0.25 : null, verdict ? "monitor" : null, verdict ? "skeleton-1" : null, "detail " + seq,
                    null, null, prev);
            String hash = entry.computeHash();
            links.add(new ChainLink(entry, hash));
            prev = hash;
        }
        return links;
    }

    private static ChainEntry withField(ChainEntry entry, String field) throws ReflectiveOperationException {
        Object current = ChainEntry.class.getMethod(field).invoke(entry);
        return withField(entry, field, changed(current));
    }

    /** A value of the same type that differs from {@code current}. */
    private static Object changed(Object current) {
        if (current instanceof Instant instant) {
            return instant.plusNanos(1000);
        }
        if (current instanceof UUID) {
            return UUID.randomUUID();
        }
        if (current instanceof Double number) {
            return number - 0.01;
        }
        return current + "x";
    }

    private static ChainEntry withField(ChainEntry entry, String field, Object value)
            throws ReflectiveOperationException {
        RecordComponent[] components = ChainEntry.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(field) ? value : components[i].getAccessor().invoke(entry);
        }
        return ChainEntry.class.getDeclaredConstructor(types).newInstance(values);
    }
}
