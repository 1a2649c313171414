package org.alignlab.contracts.audit;

import static org.alignlab.contracts.audit.Checkpoints.VERIFIER;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChainVerifierTest {

    private static final String CHAIN = "main";

    /** A genuine chain: every record signed by the monitor's key. */
    @Test
    void anIntactChainVerifiesAndReportsItsHead() {
        List<ChainLink> chain = chainOf(5);

        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, chain);

        assertThat(result.verified()).isTrue();
        assertThat(result.records()).isEqualTo(5);
        assertThat(result.headSeq()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(chain.get(4).hash());
        assertThat(result.firstBroken()).isNull();
    }

    @Test
    void anEmptyChainVerifiesAtGenesis() {
        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, List.of());

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

        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, chain);

        assertThat(result.verified()).isFalse();
        assertThat(result.firstBroken().seq()).isEqualTo(4);
        assertThat(result.firstBroken().reason()).contains("hash does not match");
        assertThat(result.records()).isEqualTo(6);
    }

    /** A holder of the monitor's key can re-sign a changed record; the record after it still no longer follows. */
    @Test
    void rewritingARecordWithAFreshHashBreaksTheNextLink() throws Exception {
        List<ChainLink> chain = new ArrayList<>(chainOf(5));
        ChainEntry forged = signed(unsigned(withField(chain.get(1).entry(), "decision", "ALLOW")));
        chain.set(1, new ChainLink(forged, forged.computeHash()));

        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, chain);

        assertThat(result.firstBroken().seq()).isEqualTo(3);
        assertThat(result.firstBroken().reason()).contains("prev_hash").contains("seq 2");
    }

    /**
     * What a database credential allows: a BLOCK turned into ALLOW and every hash recomputed, the record's old
     * signature kept. The signature covers the decision, so the record itself is named.
     */
    @Test
    void aDecisionChangedAndReHashedUnderItsOldSignatureIsNamed() throws Exception {
        List<ChainLink> chain = chainOf(6);
        List<ChainEntry> contents = new ArrayList<>(chain.stream().map(ChainLink::entry).toList());
        assertThat(contents.get(3).decision()).isEqualTo("BLOCK");
        contents.set(3, withField(contents.get(3), "decision", "ALLOW"));

        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, RandomChains.link(contents, false));

        assertThat(result.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(4,
                "the monitor's signature does not verify: forged or altered"));
    }

    /** A well-formed record of the monitor's appended at the head, hashed and linked, but without its key. */
    @Test
    void anUnsignedRecordAppendedAtTheHeadIsNamed() throws Exception {
        List<ChainLink> chain = new ArrayList<>(chainOf(4));
        ChainLink head = chain.get(3);
        ChainEntry forged = withField(withField(withField(head.entry(), "seq", 5L), "prevHash", head.hash()),
                "monitorSignature", null);
        chain.add(new ChainLink(forged, forged.computeHash()));

        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, chain);

        assertThat(result.records()).isEqualTo(5);
        assertThat(result.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(5,
                "no signature of the monitor: not appended by the monitor"));
    }

    @Test
    void aRecordSignedWithAnotherKeyIsNamed() throws Exception {
        TicketSigner other = new TicketSigner(Ed25519.generate());
        List<ChainLink> chain = new ArrayList<>(chainOf(3));
        ChainEntry entry = unsigned(chain.get(1).entry());
        ChainEntry otherKeys = other.sign(entry.withMonitorSignature(other.keyId(), null));
        // The other key's signature under the monitor's key id does not verify either.
        ChainEntry misnamed = otherKeys.withMonitorSignature(VERIFIER.keyId(), otherKeys.monitorSignature());

        ChainVerification byOther = ChainVerifier.verify(CHAIN, VERIFIER, relinked(chain, 1, otherKeys));
        ChainVerification byMisnamed = ChainVerifier.verify(CHAIN, VERIFIER, relinked(chain, 1, misnamed));

        assertThat(byOther.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(2,
                "signed by key " + other.keyId() + ", not by the monitor's key " + VERIFIER.keyId()));
        assertThat(byMisnamed.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(2,
                "the monitor's signature does not verify: forged or altered"));
    }

    /** Signing covers the record's place too: a signed record moved to another seq or prev hash does not verify. */
    @Test
    void theSignatureCoversSeqAndPrevHash() throws Exception {
        ChainEntry signed = chainOf(2).get(1).entry();

        assertThat(VERIFIER.verify(signed)).isTrue();
        assertThat(VERIFIER.verify(withField(signed, "seq", 3L))).isFalse();
        assertThat(VERIFIER.verify(withField(signed, "prevHash", "f".repeat(64)))).isFalse();
        assertThat(VERIFIER.verify(withField(signed, "recordedAt", signed.recordedAt().plusNanos(1000)))).isFalse();
    }

    /**
     * The monitor's key also signs tickets, verdicts and checkpoints over their canonical JSON; a record's signed
     * bytes never start with a brace, so one can never pass for another. The key id named is signed too.
     */
    @Test
    void whatTheMonitorSignsIsPrefixedAndNamesItsKey() {
        ChainEntry signed = chainOf(1).get(0).entry();

        assertThat(new String(signed.signedBytes(), StandardCharsets.US_ASCII))
                .isEqualTo("alignlab-audit-record:" + signed.contentDigest());
        assertThat(signed.contentDigest()).isNotEqualTo(signed.withMonitorSignature(null, null).contentDigest());
    }

    @Test
    void aMissingRecordIsNamed() {
        List<ChainLink> chain = new ArrayList<>(chainOf(5));
        chain.remove(2);

        ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, chain);

        assertThat(result.firstBroken().seq()).isEqualTo(4);
        assertThat(result.firstBroken().reason()).contains("expected seq 3");
    }

    @Test
    void aChangedStoredHashIsNamed() {
        List<ChainLink> chain = new ArrayList<>(chainOf(3));
        chain.set(2, new ChainLink(chain.get(2).entry(), "f".repeat(64)));

        assertThat(ChainVerifier.verify(CHAIN, VERIFIER, chain).firstBroken().seq()).isEqualTo(3);
    }

    @Test
    void aRecordOfAnotherChainIsNamed() {
        List<ChainLink> chain = chainOf(2);

        ChainVerification result = ChainVerifier.verify("other", VERIFIER, chain);

        assertThat(result.firstBroken().seq()).isEqualTo(1);
        assertThat(result.firstBroken().reason()).contains("chain 'main'");
    }

    /** Signed by the monitor's key, as the monitor appends them. */
    private static List<ChainLink> chainOf(int length) {
        List<ChainEntry> entries = new ArrayList<>();
        UUID goal = UUID.randomUUID();
        for (int seq = 1; seq <= length; seq++) {
            boolean verdict = seq % 2 == 0;
            entries.add(new ChainEntry(CHAIN, seq, Instant.parse("2026-11-26T10:00:00.123456Z").plusSeconds(seq),
                    verdict ? "VERDICT" : "ACTION_PROPOSED", goal, UUID.randomUUID(), "ideation",
                    "0af7651916cd43dd8448eb211c80319c", "a".repeat(64), verdict ? "BLOCK" : null, verdict ? 1.0 : null,
                    verdict ? 0.25 : null, verdict ? "monitor" : null, verdict ? "skeleton-1" : null, "detail " + seq,
                    null, null, null, null, null));
        }
        return RandomChains.link(entries);
    }

    private static ChainEntry unsigned(ChainEntry entry) {
        return entry.withMonitorSignature(Checkpoints.SIGNER.keyId(), null);
    }

    private static ChainEntry signed(ChainEntry unsigned) {
        return Checkpoints.SIGNER.sign(unsigned);
    }

    /** The chain with the record at {@code index} replaced and hashed again, the links after it left as they are. */
    private static List<ChainLink> relinked(List<ChainLink> chain, int index, ChainEntry entry) {
        List<ChainLink> changed = new ArrayList<>(chain);
        changed.set(index, new ChainLink(entry, entry.computeHash()));
        return changed;
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
