package org.alignlab.contracts.audit;

import static java.util.stream.Collectors.toSet;
import static org.alignlab.contracts.audit.Checkpoints.VERIFIER;
import static org.alignlab.contracts.audit.RandomChains.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.testing.Trials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any change to a stored chain is caught by the walk alone, at the first record it breaks: a changed field of
 * any record (the stored hash included), a deleted, inserted or reordered record, a record rewritten and every
 * hash after it recomputed without the monitor's key. What the walk alone cannot catch (a rewrite by a holder of
 * the monitor's key, a cut-off tail) is {@link CheckpointTamperingTest}'s.
 */
class ChainTamperingTest {

    /** Signs like the monitor, with a key that is not the monitor's. */
    private static final TicketSigner OTHER_KEY = new TicketSigner(Ed25519.generate());

    /** Enough that every one of the 19 fields and the hash is changed several times over. */
    private static final int TRIALS = 200;

    /** Every column of a record: each component of its content, and the hash stored beside it. */
    private static final List<String> FIELDS = Stream.concat(RandomChains.componentNames().stream(),
            Stream.of("hash")).toList();

    private static final List<String> CONTENT = RandomChains.componentNames().stream()
            .filter(name -> !List.of("chain", "seq", "prevHash", "monitorKeyId", "monitorSignature").contains(name))
            .toList();

    static LongStream seeds() {
        return Trials.seeds(TRIALS);
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void changingAnyFieldOfAnyRecordNamesThatRecord(long seed) {
        Trials.check(seed, ChainTamperingTest::fieldChange, change -> {
            ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, change.apply());

            assertThat(result.verified()).isFalse();
            // A changed seq is named by the seq the record now carries: that is how the database knows it.
            long named = change.field().equals("seq") ? (long) change.value() : change.position() + 1;
            assertThat(result.firstBroken().seq()).isEqualTo(named);
            assertThat(result.records()).isEqualTo(change.chain().size());
        });
    }

    /** The trials above change every field: a field the draw never reaches would go untested unseen. */
    @Test
    void theFieldChangesCoverEveryField() {
        assertThat(seeds().mapToObj(seed -> Trials.draw(seed, ChainTamperingTest::fieldChange).field())
                .collect(toSet())).containsExactlyInAnyOrderElementsOf(FIELDS);
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void deletingARecordNamesTheOneAfterIt(long seed) {
        Trials.check(seed, ChainTamperingTest::notLast, picked -> {
            List<ChainLink> tampered = new ArrayList<>(picked.chain());
            tampered.remove(picked.position());

            ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, tampered);

            assertThat(result.verified()).isFalse();
            assertThat(result.firstBroken().seq()).isEqualTo(picked.position() + 2);
            assertThat(result.firstBroken().reason()).contains("expected seq " + (picked.position() + 1));
        });
    }

    /**
     * The best an inserter without the monitor's key can do: a record with the next seq, linked to its predecessor,
     * correctly hashed, and signed with another key or not at all. It is named itself. Only the monitor's key makes
     * it pass, and then the next record is named, as it no longer follows.
     */
    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void insertingAWellFormedRecordNamesTheSeqItTookOver(long seed) {
        Trials.check(seed, ChainTamperingTest::insertion, insertion -> {
            int position = insertion.position();
            String prev = position == 0 ? ChainVerifier.GENESIS_HASH : insertion.chain().get(position - 1).hash();
            ChainEntry inserted = RandomChains.with(
                    RandomChains.with(insertion.content(), "seq", (long) position + 1), "prevHash", prev);
            ChainEntry otherKeys = OTHER_KEY.sign(inserted.withMonitorSignature(OTHER_KEY.keyId(), null));

            ChainVerification unsigned = ChainVerifier.verify(CHAIN, VERIFIER, inserting(insertion, inserted));
            ChainVerification signedElsewhere = ChainVerifier.verify(CHAIN, VERIFIER, inserting(insertion, otherKeys));
            ChainVerification signedByTheMonitor = ChainVerifier.verify(CHAIN, VERIFIER, inserting(insertion,
                    Checkpoints.SIGNER.sign(inserted.withMonitorSignature(Checkpoints.SIGNER.keyId(), null))));

            assertThat(unsigned.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(position + 1,
                    "no signature of the monitor: not appended by the monitor"));
            assertThat(signedElsewhere.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(position + 1,
                    "signed by key " + OTHER_KEY.keyId() + ", not by the monitor's key " + VERIFIER.keyId()));
            assertThat(signedByTheMonitor.firstBroken().seq()).isEqualTo(position + 1);
            assertThat(signedByTheMonitor.firstBroken().reason()).contains("expected seq " + (position + 2));
        });
    }

    private static List<ChainLink> inserting(Insertion insertion, ChainEntry inserted) {
        List<ChainLink> tampered = new ArrayList<>(insertion.chain());
        tampered.add(insertion.position(), new ChainLink(inserted, inserted.computeHash()));
        return tampered;
    }

    /**
     * Whoever can write the database can change a record and recompute every hash from it on, but cannot sign: the
     * rewritten record is named, even with the signature it carried before kept beside its new content.
     */
    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void aConsistentRewriteWithoutTheMonitorsKeyNamesTheRewrittenRecord(long seed) {
        Trials.check(seed, ChainTamperingTest::contentChange, change -> {
            List<ChainEntry> contents = new ArrayList<>(change.chain().stream().map(ChainLink::entry).toList());
            contents.set(change.position(), RandomChains.with(contents.get(change.position()), change.field(),
                    change.value()));

            ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, RandomChains.link(contents, false));

            assertThat(result.firstBroken()).isEqualTo(new ChainVerification.BrokenLink(change.position() + 1,
                    "the monitor's signature does not verify: forged or altered"));
        });
    }

    /** Records handed over out of seq order: the first out of place is named by the seq it carries. */
    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void movingARecordOutOfOrderNamesTheFirstOutOfPlace(long seed) {
        Trials.check(seed, ChainTamperingTest::swap, swap -> {
            List<ChainLink> tampered = new ArrayList<>(swap.chain());
            tampered.set(swap.first(), swap.chain().get(swap.second()));
            tampered.set(swap.second(), swap.chain().get(swap.first()));

            ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, tampered);

            assertThat(result.verified()).isFalse();
            assertThat(result.firstBroken().seq()).isEqualTo(swap.second() + 1);
            assertThat(result.firstBroken().reason()).contains("expected seq " + (swap.first() + 1));
        });
    }

    /** Two rows trade seq numbers, so the database still returns seqs 1..n in order: the earlier seq is named. */
    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void swappingTheSeqsOfTwoRecordsNamesTheEarlierSeq(long seed) {
        Trials.check(seed, ChainTamperingTest::swap, swap -> {
            List<ChainLink> tampered = new ArrayList<>(swap.chain());
            ChainLink first = swap.chain().get(swap.first());
            ChainLink second = swap.chain().get(swap.second());
            tampered.set(swap.first(), new ChainLink(RandomChains.with(second.entry(), "seq", first.entry().seq()),
                    second.hash()));
            tampered.set(swap.second(), new ChainLink(RandomChains.with(first.entry(), "seq", second.entry().seq()),
                    first.hash()));

            ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, tampered);

            assertThat(result.verified()).isFalse();
            assertThat(result.firstBroken().seq()).isEqualTo(swap.first() + 1);
        });
    }

    @ParameterizedTest(name = Trials.NAME)
    @MethodSource("seeds")
    void anUntouchedChainVerifies(long seed) {
        Trials.check(seed, random -> RandomChains.chain(random, 1), chain -> {
            ChainVerification result = ChainVerifier.verify(CHAIN, VERIFIER, chain);

            assertThat(result.verified()).isTrue();
            assertThat(result.headSeq()).isEqualTo(chain.size());
            assertThat(result.headHash()).isEqualTo(chain.get(chain.size() - 1).hash());
        });
    }

    static Insertion insertion(Random random) {
        List<ChainLink> chain = RandomChains.chain(random, 1);
        return new Insertion(chain, random.nextInt(chain.size()), RandomChains.entry(random));
    }

    /** Deleting the last record leaves a valid, shorter chain: only a checkpoint can tell. */
    static Picked notLast(Random random) {
        List<ChainLink> chain = RandomChains.chain(random, 2);
        return new Picked(chain, random.nextInt(chain.size() - 1));
    }

    static Swap swap(Random random) {
        List<ChainLink> chain = RandomChains.chain(random, 2);
        int first = random.nextInt(chain.size() - 1);
        return new Swap(chain, first, random.nextInt(first + 1, chain.size()));
    }

    static FieldChange fieldChange(Random random) {
        return change(random, FIELDS);
    }

    /** A change of what a record says, not of its place in the chain nor of its signature. */
    static FieldChange contentChange(Random random) {
        return change(random, CONTENT);
    }

    private static FieldChange change(Random random, List<String> fields) {
        List<ChainLink> chain = RandomChains.chain(random, 1);
        int position = random.nextInt(chain.size());
        String field = fields.get(random.nextInt(fields.size()));
        Object current = current(chain.get(position), field);
        Object value;
        do {
            value = otherValue(random, field);
        } while (!differs(value, current));
        return new FieldChange(chain, position, field, value);
    }

    private static Object current(ChainLink link, String field) {
        return field.equals("hash") ? link.hash() : RandomChains.get(link.entry(), field);
    }

    /** A value the field's column could hold (it may equal the current one); null where the column allows. */
    private static Object otherValue(Random random, String field) {
        if (RandomChains.NULLABLE.contains(field) && random.nextDouble() < 0.2) {
            return null;
        }
        Class<?> type = field.equals("hash") ? String.class : RandomChains.type(field);
        if (type == long.class) {
            return random.nextLong();
        } else if (type == Instant.class) {
            return RandomChains.instant(random);
        } else if (type == UUID.class) {
            return RandomChains.uuid(random);
        } else if (type == Double.class) {
            // -10 to 10 with eight decimals
            return random.nextLong(-1_000_000_000L, 1_000_000_001L) / 1e8;
        } else if (field.endsWith("ash")) {
            return RandomChains.sha256(random);
        }
        return RandomChains.text(random);
    }

    /** 0.0 and -0.0 are one number to a reader, and one in canonical JSON. */
    private static boolean differs(Object value, Object current) {
        if (value instanceof Double a && current instanceof Double b) {
            return a.doubleValue() != b.doubleValue();
        }
        return !Objects.equals(value, current);
    }

    record Picked(List<ChainLink> chain, int position) {
    }

    record Insertion(List<ChainLink> chain, int position, ChainEntry content) {
    }

    record Swap(List<ChainLink> chain, int first, int second) {
    }

    /** One field of one record set to another value, the stored hash left as it was (or itself the field). */
    record FieldChange(List<ChainLink> chain, int position, String field, Object value) {

        List<ChainLink> apply() {
            List<ChainLink> tampered = new ArrayList<>(chain);
            ChainLink original = chain.get(position);
            tampered.set(position, field.equals("hash")
                    ? new ChainLink(original.entry(), (String) value)
                    : new ChainLink(RandomChains.with(original.entry(), field, value), original.hash()));
            return tampered;
        }
    }
}
