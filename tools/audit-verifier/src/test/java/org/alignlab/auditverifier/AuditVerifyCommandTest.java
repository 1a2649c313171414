package org.alignlab.auditverifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.alignlab.contracts.Topics;
import org.alignlab.contracts.audit.ChainEntry;
import org.alignlab.contracts.audit.ChainLink;
import org.alignlab.contracts.audit.ChainVerifier;
import org.alignlab.contracts.audit.CheckpointDirectory;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.Json;
import org.alignlab.infra.KafkaBroker;
import org.alignlab.infra.KafkaProbe;
import org.alignlab.infra.PostgresServer;
import org.alignlab.infra.TopicSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier against a real PostgreSQL holding the monitor's schema and a real broker carrying signed
 * checkpoints; tampering is done the way an owner of the table would, in SQL. Each test has its own schema and
 * chain, so the tests share the servers and the checkpoint topic without seeing each other's records.
 */
class AuditVerifyCommandTest {

    private static final KeyPair MONITOR_KEYS = Ed25519.generate();
    private static final TicketSigner SIGNER = new TicketSigner(MONITOR_KEYS);
    private static final String PUBLIC_KEY = Ed25519.encodePublic(MONITOR_KEYS.getPublic());

    @TempDir
    static Path servers;
    private static KafkaBroker kafka;
    private static PostgresServer postgres;

    @TempDir
    Path dir;
    private final String chain = "test-" + UUID.randomUUID();
    private MonitorDatabase database;

    @BeforeAll
    static void startServers() throws Exception {
        kafka = KafkaBroker.start(servers.resolve("kafka"), freePortPair());
        TopicSetup.createAll(kafka.adminAccess());
        postgres = PostgresServer.start(servers.resolve("pgdata"), freePort());
    }

    @AfterAll
    static void stopServers() throws IOException {
        kafka.close();
        postgres.close();
    }

    @Test
    void aChainLongerThanAPageWithMatchingCheckpointsVerifies() throws Exception {
        List<ChainLink> links = chainOf(2 * AuditLogReader.PAGE_SIZE + 345);
        monitorWrote(links);
        publish(checkpoint(links, 1000), checkpoint(links, 2000), checkpoint(links, 2345));

        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsSubsequence(
                "chain " + chain + ": 2345 records, head seq 2345 hash " + links.get(2344).hash(),
                "3 checkpoints checked; the latest that matches is at seq 2345",
                "VERIFIED");
    }

    @Test
    void theJsonReportCarriesTheVerdictAndTheHead() throws Exception {
        List<ChainLink> links = chainOf(12);
        monitorWrote(links);
        publish(checkpoint(links, 10));

        Run run = verifyWithKafka("--json");

        JsonNode report = Json.parse(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(report.path("verified").asBoolean()).isTrue();
        assertThat(report.path("chain").path("headSeq").asLong()).isEqualTo(12);
        assertThat(report.path("checkpointsChecked").asInt()).isEqualTo(1);
        assertThat(report.path("coveredSeq").asLong()).isEqualTo(10);
    }

    @Test
    void aRecordChangedInTheDatabaseIsNamedBySeq() throws Exception {
        List<ChainLink> links = chainOf(25);
        monitorWrote(links);
        publish(checkpoint(links, 20));
        assertThatThrownBy(() -> database.execute("UPDATE audit_log SET decision = 'ALLOW' WHERE seq = 7"))
                .as("the append-only trigger refuses it").isInstanceOf(SQLException.class)
                .hasMessageContaining("append-only");

        database.asOwnerWithoutTrigger("UPDATE audit_log SET decision = 'ALLOW' WHERE seq = 7");
        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at seq 7: hash does not match the record's content")
                .doesNotContain("CHECKPOINT").endsWith("NOT VERIFIED\n");
    }

    @Test
    void aDeletedRecordIsNamedBySeq() throws Exception {
        List<ChainLink> links = chainOf(10);
        monitorWrote(links);

        database.asOwnerWithoutTrigger("DELETE FROM audit_log WHERE seq = 4");
        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at seq 5: expected seq 4: a record is missing or out of order");
    }

    /**
     * The owner rewrites a record and re-hashes every later one, keeping the signatures they carried: the walk
     * names the rewritten record, whose signature no longer covers its content.
     */
    @Test
    void aRewriteWithoutTheMonitorsKeyIsNamedBySeq() throws Exception {
        List<ChainLink> links = chainOf(25);
        monitorWrote(links);
        publish(checkpoint(links, 20));
        List<ChainEntry> rewritten = new ArrayList<>(links.stream().map(ChainLink::entry).toList());
        rewritten.set(14, decidedOtherwise(rewritten.get(14)));

        database.asOwnerWithoutTrigger("DELETE FROM audit_log WHERE seq >= 15");
        database.insert(link(rewritten, false).subList(14, 25));
        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at seq 15: the monitor's signature does not verify: forged or altered")
                .contains("CHECKPOINT at seq 20: checkpoint disagrees with the database at seq 20");
    }

    /**
     * A record of the monitor's appended at the head with the database's credentials alone: linked and hashed as
     * the monitor would, naming the monitor's key, but unsigned. No checkpoint covers it yet; the walk names it.
     */
    @Test
    void aRecordAppendedWithoutTheMonitorsKeyIsNamedBySeq() throws Exception {
        List<ChainLink> links = chainOf(6);
        monitorWrote(links);
        publish(checkpoint(links, 6));
        ChainLink head = links.get(5);
        ChainEntry forged = new ChainEntry(chain, 7, head.entry().recordedAt().plusSeconds(1), "VERDICT",
                head.entry().goalId(), UUID.randomUUID(), "ideation", null, "d".repeat(64), "ALLOW", 0.0, null,
                "monitor", "rules-2", null, null, null, SIGNER.keyId(), null, head.hash());
        database.insert(List.of(new ChainLink(forged, forged.computeHash())));

        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("BROKEN at seq 7: no signature of the monitor: not appended by the monitor")
                .contains("the latest that matches is at seq 6").endsWith("NOT VERIFIED\n");
    }

    /** A holder of the monitor's key can re-sign a rewrite: then only a checkpoint already published catches it. */
    @Test
    void aConsistentRewriteWithTheMonitorsKeyIsCaughtByTheCheckpoint() throws Exception {
        List<ChainLink> links = chainOf(25);
        monitorWrote(links);
        publish(checkpoint(links, 20));
        List<ChainEntry> rewritten = new ArrayList<>(links.stream().map(ChainLink::entry).toList());
        rewritten.set(14, decidedOtherwise(rewritten.get(14)));

        database.asOwnerWithoutTrigger("DELETE FROM audit_log WHERE seq >= 15");
        database.insert(link(rewritten).subList(14, 25));
        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("BROKEN")
                .contains("CHECKPOINT at seq 20: checkpoint disagrees with the database at seq 20: signed hash "
                        + links.get(19).hash());
    }

    private static ChainEntry decidedOtherwise(ChainEntry original) {
        return new ChainEntry(original.chain(), original.seq(), original.recordedAt(), original.type(),
                original.goalId(), original.actionId(), original.agent(), original.traceId(), original.payloadHash(),
                "ALLOW", 0.01, original.modelScore(), original.actor(), original.policyVersion(), original.detail(),
                null, null, original.monitorKeyId(), original.monitorSignature(), null);
    }

    @Test
    void aChainCutShortIsCaughtByTheCheckpoint() throws Exception {
        List<ChainLink> links = chainOf(25);
        monitorWrote(links);
        publish(checkpoint(links, 10), checkpoint(links, 20));

        database.asOwnerWithoutTrigger("DELETE FROM audit_log WHERE seq > 18");
        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("chain " + chain + ": 18 records, head seq 18")
                .contains("CHECKPOINT at seq 20: checkpoint at seq 20 but the chain ends at seq 18")
                .contains("the latest that matches is at seq 10");
    }

    @Test
    void checkpointsFromAFileAreCheckedWithAKeyFromAFile() throws Exception {
        List<ChainLink> links = chainOf(8);
        monitorWrote(links);
        AuditCheckpoint genuine = checkpoint(links, 8);
        AuditCheckpoint forged = new AuditCheckpoint(chain, 5, "0".repeat(64), 2, genuine.checkpointHash(),
                genuine.createdAt(), genuine.keyId(), genuine.signature());
        Path file = Files.writeString(dir.resolve("checkpoints.jsonl"),
                EventCodec.encode(genuine) + "\n\n" + EventCodec.encode(forged) + "\n");
        Path key = Files.writeString(dir.resolve("monitor.pub"), PUBLIC_KEY + "\n");

        Run run = verify("--checkpoints", file.toString(), "--public-key-file", key.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("2 checkpoints checked")
                .contains("CHECKPOINT at seq 5: checkpoint at seq 5 has a signature that does not verify");
    }

    /**
     * Issue 14's rewrite, offline: the chain rewritten and re-hashed, every checkpoint deleted from Kafka. The
     * witness kept them, so the checkpoint that vouched for the original still disagrees with the database.
     */
    @Test
    void checkpointsDeletedFromKafkaAreStillFoundInTheWitness() throws Exception {
        List<ChainLink> links = chainOf(12);
        monitorWrote(links);
        Path witnessDir = dir.resolve("witness");
        CheckpointDirectory witness = new CheckpointDirectory(witnessDir);
        witness.write(checkpoint(links, 6));
        witness.write(checkpoint(links, 12));
        database.asOwnerWithoutTrigger("UPDATE audit_log SET detail = 'forged' WHERE seq = 12");
        database.asOwnerWithoutTrigger("UPDATE audit_log SET hash = '" + "e".repeat(64) + "' WHERE seq = 12");

        Run run = verifyWithKafka("--witness", witnessDir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("2 checkpoints checked")
                .contains("CHECKPOINT at seq 12: checkpoint disagrees with the database at seq 12");
    }

    @Test
    void aCheckpointMissingFromEverySourceBreaksTheHistory() throws Exception {
        List<ChainLink> links = chainOf(12);
        monitorWrote(links);
        AuditCheckpoint first = checkpoint(links, 4);
        checkpoint(links, 8);
        publish(first, checkpoint(links, 12));

        Run run = verifyWithKafka();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("checkpoint 2 is missing from every source");
        // Pinned past the gap, the rest of the history verifies.
        Run anchored = verifyWithKafka("--trust-anchor", "3:" + lastSigned.checkpointHash());
        assertThat(anchored.exitCode()).isZero();
    }

    @Test
    void aNewestCheckpointOlderThanTheMaxAgeFails() throws Exception {
        List<ChainLink> links = chainOf(6);
        monitorWrote(links);
        publish(checkpoint(links, 6, Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.MILLIS)));

        Run run = verifyWithKafka();
        Run archive = verifyWithKafka("--max-age", "none");
        Run bad = verifyWithKafka("--max-age", "15 minutes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("is older than PT15M");
        assertThat(archive.exitCode()).isZero();
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("not an ISO-8601 duration");
    }

    /**
     * An execution record the executor never reported breaks the walk once the verifier holds the executor's key,
     * even signed by the monitor's (here by a holder of that key); the executor's own signed record passes.
     */
    @Test
    void anExecutionRecordWithoutTheExecutorsSignatureIsBroken() throws Exception {
        KeyPair executor = Ed25519.generate();
        OriginSigner signer = new OriginSigner(executor.getPrivate(), executor.getPublic());
        List<ChainEntry> entries = new ArrayList<>(chainOf(4).stream().map(ChainLink::entry).toList());
        ChainEntry template = entries.get(3);
        String signedHash = "b".repeat(64);
        entries.add(new ChainEntry(chain, 5, template.recordedAt().plusSeconds(1), "EXECUTION_STARTED",
                template.goalId(), UUID.randomUUID(), null, null, signedHash, null, null, null, "executor", null,
                "bubblewrap", signer.keyId(), signer.signHash(signedHash), null, null, null));
        entries.add(new ChainEntry(chain, 6, template.recordedAt().plusSeconds(2), "EXECUTION_FINISHED",
                template.goalId(), UUID.randomUUID(), null, null, "c".repeat(64), null, null, null, "executor", null,
                "SUCCEEDED", null, null, null, null, null));
        monitorWrote(link(entries));
        String key = Ed25519.encodePublic(executor.getPublic());

        Run withoutKey = verifyWithKey();
        Run withKey = verifyWithKey("--executor-public-key", key);

        assertThat(withoutKey.exitCode()).isZero();
        assertThat(withKey.exitCode()).isEqualTo(1);
        assertThat(withKey.out()).contains(
                "BROKEN at seq 6: a record of executor without its signature: not reported by executor");
    }

    @Test
    void defaultsComeFromTheLaunchersEnvFile() throws Exception {
        List<ChainLink> links = chainOf(6);
        monitorWrote(links);
        publish(checkpoint(links, 6));
        Path envFile = Files.writeString(dir.resolve("alignlab.env"), "# written by the launcher\n"
                + "ALIGNLAB_JDBC_URL=" + postgres.jdbcUrl() + "\n"
                + "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers() + "\n"
                + "ALIGNLAB_MONITOR_PUBLIC_KEY=" + PUBLIC_KEY + "\n");

        Run run = run("--env-file", envFile.toString(), "--schema", database.schema, "--chain", chain);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1 checkpoint checked; the latest that matches is at seq 6")
                .endsWith("VERIFIED\n");
    }

    @Test
    void withoutACheckpointSourceTheSummarySaysWhatCannotBeCaught() throws Exception {
        monitorWrote(chainOf(3));

        Run run = verifyWithKey();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no checkpoints read").contains("cut short, or rewritten by a holder of the "
                + "monitor's key, would pass");
    }

    @Test
    void anUnreachableDatabaseExitsTwo() throws Exception {
        Run run = run("--env-file", emptyEnvFile().toString(), "--public-key", PUBLIC_KEY,
                "--db-url", "jdbc:postgresql://127.0.0.1:" + freePort() + "/alignlab");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("audit-verify: cannot read monitor.audit_log at jdbc:postgresql://127.0.0.1:");
    }

    @Test
    void checkpointsWithoutAPublicKeyAreAUsageError() throws Exception {
        Run run = run("--env-file", emptyEnvFile().toString(), "--kafka", kafka.bootstrapServers());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --public-key or --public-key-file");
    }

    /** Every record carries the monitor's signature: without its key there is nothing to check a chain with. */
    @Test
    void aChainWithoutAPublicKeyIsAUsageError() throws Exception {
        monitorWrote(chainOf(3));

        Run run = verify();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("every record and checkpoint is checked with the monitor's public key");
    }

    /** The plain consumer is built from the security settings given, not from the bootstrap servers alone. */
    @Test
    void theKafkaClientConnectsWithTheSecuritySettingsItIsGiven() throws Exception {
        monitorWrote(chainOf(3));
        Path config = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\n");

        Run run = verifyWithKafka("--kafka-config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("audit-verify: cannot read audit.checkpoints from " + kafka.bootstrapServers());
    }

    @Test
    void twoCheckpointSourcesAreAUsageError() throws Exception {
        Run run = run("--env-file", emptyEnvFile().toString(), "--kafka", kafka.bootstrapServers(),
                "--checkpoints", "x.jsonl");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give --kafka or --checkpoints, not both");
    }

    private Run verifyWithKafka(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--kafka", kafka.bootstrapServers()));
        args.addAll(List.of(more));
        return verifyWithKey(args.toArray(String[]::new));
    }

    /** With the monitor's public key, and no checkpoint source unless {@code more} names one. */
    private Run verifyWithKey(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--public-key", PUBLIC_KEY));
        args.addAll(List.of(more));
        return verify(args.toArray(String[]::new));
    }

    /** This test's schema and chain, with an empty env file so nothing comes from the machine's launcher. */
    private Run verify(String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--env-file", emptyEnvFile().toString(),
                "--db-url", postgres.jdbcUrl(), "--schema", database.schema, "--chain", chain));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new picocli.CommandLine(new AuditVerifyCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private Path emptyEnvFile() throws IOException {
        Path file = dir.resolve("empty.env");
        return Files.exists(file) ? file : Files.writeString(file, "");
    }

    private AuditCheckpoint lastSigned;

    private void monitorWrote(List<ChainLink> links) throws Exception {
        database = MonitorDatabase.migrate(postgres.jdbcUrl(), PostgresServer.USER,
                "monitor_" + UUID.randomUUID().toString().replace("-", ""));
        database.insert(links);
    }

    /** The next checkpoint of this test's history, as the monitor signs it: each extends the one before. */
    private AuditCheckpoint checkpoint(List<ChainLink> links, long seq) {
        return checkpoint(links, seq, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private AuditCheckpoint checkpoint(List<ChainLink> links, long seq, Instant at) {
        String hash = links.get((int) seq - 1).hash();
        lastSigned = SIGNER.sign(lastSigned == null ? AuditCheckpoint.first(chain, seq, hash, at, SIGNER.keyId())
                : lastSigned.next(seq, hash, at));
        return lastSigned;
    }

    private void publish(AuditCheckpoint... checkpoints) throws Exception {
        KafkaProbe probe = new KafkaProbe(kafka.adminAccess());
        for (AuditCheckpoint checkpoint : checkpoints) {
            probe.send(Topics.AUDIT_CHECKPOINTS, chain, EventCodec.encode(checkpoint));
        }
    }

    /**
     * Records as the monitor writes them: micro-second times, nulls where a record type has no decision or
     * score, scores that are not short decimals, text beyond ASCII, each signed with the monitor's key.
     */
    private List<ChainLink> chainOf(int length) {
        List<ChainEntry> entries = new ArrayList<>();
        Instant start = Instant.parse("2026-11-26T10:00:00.123456Z");
        UUID goal = UUID.randomUUID();
        for (int seq = 1; seq <= length; seq++) {
            boolean verdict = seq % 2 == 0;
            entries.add(new ChainEntry(chain, seq, start.plus(seq * 1_001L, ChronoUnit.MICROS),
                    verdict ? "VERDICT" : "ACTION_PROPOSED", goal, verdict ? UUID.randomUUID() : null, "ideation",
                    "0af7651916cd43dd8448eb211c80319c", "a".repeat(64), verdict ? "HOLD" : null,
                    verdict ? 0.1 + 0.2 * seq / length : null, seq % 3 == 0 ? 1.0 / 3 : null,
                    verdict ? "monitor" : null, verdict ? "rules-2" : null, "détail «" + seq + "» 检查", null, null,
                    null, null, null));
        }
        return link(entries);
    }

    /** Numbers, links and signs the records with the monitor's key, as the monitor appends them. */
    private static List<ChainLink> link(List<ChainEntry> contents) {
        return link(contents, true);
    }

    /** With {@code sign} false, each record keeps the signature it carried: all that a database credential allows. */
    private static List<ChainLink> link(List<ChainEntry> contents, boolean sign) {
        List<ChainLink> links = new ArrayList<>();
        String prev = ChainVerifier.GENESIS_HASH;
        for (ChainEntry c : contents) {
            ChainEntry entry = new ChainEntry(c.chain(), links.size() + 1, c.recordedAt(), c.type(), c.goalId(),
                    c.actionId(), c.agent(), c.traceId(), c.payloadHash(), c.decision(), c.suspicion(),
                    c.modelScore(), c.actor(), c.policyVersion(), c.detail(), c.originKeyId(), c.originSignature(),
                    sign ? SIGNER.keyId() : c.monitorKeyId(), sign ? null : c.monitorSignature(), prev);
            if (sign) {
                entry = SIGNER.sign(entry);
            }
            prev = entry.computeHash();
            links.add(new ChainLink(entry, prev));
        }
        return links;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The broker's controller listens on the port after its client port. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }

    private record Run(int exitCode, String out, String err) {
    }
}
