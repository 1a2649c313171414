package org.alignlab.auditverifier;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.alignlab.contracts.audit.AuditReport;
import org.alignlab.contracts.audit.ChainAudit;
import org.alignlab.contracts.audit.CheckpointDirectory;
import org.alignlab.contracts.audit.CheckpointHistory;
import org.alignlab.contracts.audit.CheckpointPolicy;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketVerifier;
import org.alignlab.contracts.events.AuditCheckpoint;
import org.alignlab.contracts.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code audit-verify}: walks the monitor's audit chain straight from its database, holding every record to the
 * monitor's signature and the chain to the signed checkpoints published outside it, needing nothing of the monitor
 * but its public key. Standalone or as {@code alignlab audit-verify}, which finds a local stack's database, broker
 * and key in its run directory.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true, version = "audit-verify 0.1.0-SNAPSHOT",
        description = {"Walks the monitor's audit chain in PostgreSQL record by record, checking each record's "
                + "hash, link and the monitor's Ed25519 signature, and checks it against the Ed25519-signed "
                + "checkpoints on Kafka topic audit.checkpoints (or in a file).",
                "Exit status: 0 verified, 1 a record or checkpoint does not check out, 2 cannot tell (bad options, "
                        + "database or broker unreachable)."})
public class AuditVerifyCommand implements Callable<Integer> {

    static final int VERIFIED = 0;
    static final int BROKEN = 1;
    static final int UNUSABLE = CommandLine.ExitCode.USAGE;
    /** The actor the monitor records the executor's reports under. */
    static final String EXECUTOR_ACTOR = "executor";
    static final String DEFAULT_JDBC_URL = "jdbc:postgresql://127.0.0.1:15432/alignlab";

    @Spec
    CommandSpec spec;

    /** Where KAFKA_* security settings come from; the process environment but in tests. */
    Map<String, String> environment = System.getenv();

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "The monitor's database (default: "
            + LauncherEnvFile.JDBC_URL + " from the env file, else " + DEFAULT_JDBC_URL + ").")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: "
            + LauncherEnvFile.AUDITOR_USER + " from the env file, else postgres).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:PGPASSWORD}",
            description = "Database password (default: $PGPASSWORD, else " + LauncherEnvFile.AUDITOR_PASSWORD
                    + " from the env file, else none).")
    String dbPassword;

    @Option(names = "--schema", defaultValue = "monitor",
            description = "Schema of the audit_log table (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--chain", defaultValue = "main", description = "Chain to verify (default: ${DEFAULT-VALUE}).")
    String chain;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP_SERVERS", description = "Read every checkpoint on "
            + "audit.checkpoints from this broker (default: " + LauncherEnvFile.KAFKA + " from the env file).")
    String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE", description = "Kafka client properties for --kafka "
            + "(security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.*), over the "
            + "KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* and KAFKA_SSL_* environment variables the services read "
            + "(default: those alone).")
    Path kafkaConfig;

    @Option(names = "--checkpoints", paramLabel = "FILE",
            description = "Read checkpoints from this file of AuditCheckpoint JSON lines instead of Kafka.")
    Path checkpointFile;

    @Option(names = "--witness", paramLabel = "DIR", description = "Also read the checkpoints the monitor kept in "
            + "this witness directory (default: " + LauncherEnvFile.WITNESS_DIR + " from the env file). The history "
            + "is walked over both sources together, so a checkpoint deleted from one is still found in the other.")
    Path witness;

    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "PT15M", converter = DurationConverter.class,
            description = "Fail when the newest checkpoint is older than this, ISO-8601 (default: ${DEFAULT-VALUE}; "
                    + "the monitor signs at least every 5 minutes). 'none' to report the age without judging it, "
                    + "for an archive verified after the fact.")
    Duration maxAge;

    @Option(names = "--trust-anchor", paramLabel = "CHECKPOINT_SEQ:HASH", description = "Walk the checkpoint "
            + "history from this checkpoint (its place and hash, as a verification reported it earlier) instead of "
            + "from checkpoint 1, when older checkpoints were pruned.")
    String trustAnchor;

    @Option(names = "--public-key", paramLabel = "BASE64", description = "The monitor's Ed25519 public key, "
            + "Base64 X.509 (default: " + LauncherEnvFile.PUBLIC_KEY + " from the env file). Every record must carry "
            + "the monitor's signature of its content, and every checkpoint its signature.")
    String publicKey;

    @Option(names = "--public-key-file", paramLabel = "FILE", description = "A file holding that key.")
    Path publicKeyFile;

    @Option(names = "--executor-public-key", paramLabel = "BASE64", description = "The executor's Ed25519 public "
            + "key (default: " + LauncherEnvFile.EXECUTOR_PUBLIC_KEY + " from the env file). With it, every record "
            + "the executor reported must carry the executor's signature of its payload hash.")
    String executorPublicKey;

    @Option(names = "--env-file", paramLabel = "FILE", description = "Take defaults from a launcher's alignlab.env "
            + "(default: $ALIGNLAB_RUN_DIR/alignlab.env, else deploy/local/.run/alignlab.env under $ALIGNLAB_HOME, "
            + "when it exists).")
    Path envFile;

    @Option(names = "--json", description = "Print the report as JSON instead of a summary.")
    boolean json;

    public static void main(String[] args) {
        System.exit(new CommandLine(new AuditVerifyCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Map<String, String> launcher = launcherDefaults();
            // Checkpoints first: each is published after its record commits, so every one read now names a
            // record the database snapshot taken next must hold.
            CheckpointSource source = checkpointSource(launcher);
            TicketVerifier monitor = verifier(launcher);
            Map<String, PublicKey> originKeys = originKeys(launcher);
            ChainAudit audit = source == null ? ChainAudit.withoutCheckpoints(chain, monitor, originKeys)
                    : new ChainAudit(chain, monitor, source.read(err), policy(), originKeys);
            String url = dbUrl != null ? dbUrl : launcher.getOrDefault(LauncherEnvFile.JDBC_URL, DEFAULT_JDBC_URL);
            String user = dbUser != null ? dbUser : launcher.getOrDefault(LauncherEnvFile.AUDITOR_USER, "postgres");
            String password = dbPassword != null ? dbPassword
                    : launcher.getOrDefault(LauncherEnvFile.AUDITOR_PASSWORD, "");
            new AuditLogReader(url, user, password, schema).forEach(chain, audit::accept);
            AuditReport report = audit.report();
            print(report, source != null);
            return report.verified() ? VERIFIED : BROKEN;
        } catch (UnusableInputException e) {
            err.println("audit-verify: " + e.getMessage());
            return UNUSABLE;
        }
    }

    private Map<String, String> launcherDefaults() {
        if (envFile != null) {
            if (!Files.isRegularFile(envFile)) {
                throw new ParameterException(spec.commandLine(), "--env-file: no file " + envFile);
            }
            return LauncherEnvFile.read(envFile);
        }
        return LauncherEnvFile.defaultLocation(environment).map(LauncherEnvFile::read).orElse(Map.of());
    }

    /** The executor's key when one is given: its records are then held to its signature. */
    private Map<String, PublicKey> originKeys(Map<String, String> launcher) {
        String key = executorPublicKey != null ? executorPublicKey : launcher.get(LauncherEnvFile.EXECUTOR_PUBLIC_KEY);
        if (key == null) {
            return Map.of();
        }
        try {
            return Map.of(EXECUTOR_ACTOR, Ed25519.decodePublic(key));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "executor public key: " + e.getMessage());
        }
    }

    private CheckpointPolicy policy() {
        CheckpointHistory.TrustAnchor anchor = null;
        if (trustAnchor != null) {
            try {
                anchor = CheckpointHistory.TrustAnchor.parse(trustAnchor);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--trust-anchor: " + e.getMessage());
            }
        }
        return new CheckpointPolicy(anchor, maxAge, Instant.now());
    }

    /**
     * Where checkpoints come from (Kafka or a file, plus the witness), or null when neither an option nor the env
     * file names a source.
     */
    private CheckpointSource checkpointSource(Map<String, String> launcher) {
        CheckpointSource published = publishedSource(launcher);
        Path witnessDir = witness != null ? witness
                : launcher.containsKey(LauncherEnvFile.WITNESS_DIR) ? Path.of(launcher.get(LauncherEnvFile.WITNESS_DIR))
                        : null;
        if (witnessDir == null) {
            return published;
        }
        if (witness != null && !Files.isDirectory(witness)) {
            throw new ParameterException(spec.commandLine(), "--witness: no directory " + witness);
        }
        CheckpointDirectory directory = new CheckpointDirectory(witnessDir);
        return warnings -> {
            List<AuditCheckpoint> all = new ArrayList<>(published == null ? List.of() : published.read(warnings));
            CheckpointDirectory.Read read = directory.readAll(chain);
            read.unreadable().forEach(file -> warnings.println("audit-verify: witness file skipped: " + file));
            all.addAll(read.checkpoints());
            return all;
        };
    }

    private CheckpointSource publishedSource(Map<String, String> launcher) {
        if (kafka != null && checkpointFile != null) {
            throw new ParameterException(spec.commandLine(), "give --kafka or --checkpoints, not both");
        }
        if (checkpointFile != null) {
            return warnings -> CheckpointFile.read(checkpointFile);
        }
        String servers = kafka != null ? kafka : launcher.get(LauncherEnvFile.KAFKA);
        if (servers == null) {
            return null;
        }
        // A local stack's broker authenticates: its env file names the audit verifier's own login.
        Map<String, String> settings = new HashMap<>();
        if (kafka == null) {
            launcher.forEach((key, value) -> {
                if (key.startsWith("KAFKA_")) {
                    settings.put(key, value);
                }
            });
        }
        settings.putAll(environment);
        KafkaClientSettings security = KafkaClientSettings.from(settings, kafkaConfig);
        return warnings -> {
            KafkaCheckpoints.Read read = KafkaCheckpoints.readAll(servers, security);
            read.skipped().forEach(skipped -> warnings.println("audit-verify: skipped " + skipped));
            return read.checkpoints();
        };
    }

    /** {@code --max-age}: an ISO-8601 duration, or {@code none}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            if ("none".equals(value)) {
                return null;
            }
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("not an ISO-8601 duration such as PT15M: " + value);
            }
        }
    }

    private TicketVerifier verifier(Map<String, String> launcher) {
        if (publicKey != null && publicKeyFile != null) {
            throw new ParameterException(spec.commandLine(), "give --public-key or --public-key-file, not both");
        }
        String key = publicKey != null ? publicKey
                : publicKeyFile != null ? readKeyFile() : launcher.get(LauncherEnvFile.PUBLIC_KEY);
        if (key == null) {
            throw new ParameterException(spec.commandLine(), "every record and checkpoint is checked with the "
                    + "monitor's public key: give --public-key or --public-key-file");
        }
        try {
            return new TicketVerifier(Ed25519.decodePublic(key));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "public key: " + e.getMessage());
        }
    }

    private String readKeyFile() {
        try {
            return Files.readString(publicKeyFile).strip();
        } catch (IOException e) {
            throw new UnusableInputException("cannot read " + publicKeyFile, e);
        }
    }

    private void print(AuditReport report, boolean checkpointsRead) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            ReportText.lines(report, checkpointsRead).forEach(out::println);
        }
        out.flush();
    }

    /** Reads checkpoints when the walk starts, printing anything it had to skip to {@code warnings}. */
    @FunctionalInterface
    private interface CheckpointSource {
        List<AuditCheckpoint> read(PrintWriter warnings);
    }
}
