package org.alignlab.sandbox.bubblewrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.events.Split;
import org.alignlab.contracts.families.FamilyCatalogue;
import org.alignlab.contracts.families.FamilyDefinition;
import org.alignlab.contracts.families.FamilyParam;
import org.alignlab.contracts.json.Json;
import org.alignlab.sandbox.RunnerRuntime;
import org.alignlab.sandbox.SandboxRequest;
import org.alignlab.sandbox.SandboxRun;
import org.jboss.logging.Logger;

/**
 * Class-data sharing (AppCDS) for the runner: one archive per {@link RunnerRuntime}, so a fresh runner JVM maps the
 * classes it needs (parsed, verified, laid out) instead of loading them from the jars. About 0.8 s of a run's start
 * when it came, most of it the JSON schema validator (which the runner no longer uses), Jackson and DJL.
 *
 * <p>An archive only serves the JVM that dumped it, with the same jars (size and modification time) at the same
 * paths; anything else and the JVM silently starts without it. So each archive is made where it is used: by the
 * sandbox itself, from the runtime's own jars as the sandbox shows them, in three sandboxed runs of the runtime's
 * ordinary command line. Training runs (every non-script family at its quickest, or a small DJL script) list the
 * classes they load ({@code -XX:DumpLoadedClassList}); a dump run ({@code -Xshare:dump}) archives the merged list; a
 * check run starts the runner from the new archive with {@code -Xshare:on}, which fails instead of falling back when
 * the archive cannot be used. Only then is the archive moved, atomically, to its name in the archive directory: the
 * runtime and a hash of the JVM, the jars and this format ({@link #key}). Any executor or check with the same JVM
 * and jars reuses it; concurrent ones may each make it, and the last rename wins with an equally good file. The
 * script runtime's archive is made in a script's sandbox, which shows no family code, so it holds none.
 *
 * <p>When making an archive fails, runs of that runtime start without one (a warning says why). Archives of other
 * jars are not removed: a directory shared by executors of different versions keeps one pair per version.
 */
final class ClassDataArchives {

    private static final Logger LOG = Logger.getLogger(ClassDataArchives.class);
    /** Part of every key: change it whenever the training, the dump or the check changes. */
    static final String FORMAT = "alignlab-class-data-1";
    static final String CLASS_LIST = "classes.lst";
    static final String ARCHIVE = "class-data.jsa";
    /** An archive is 15 to 40 MB; well below the run's tmpfs. */
    private static final long MAX_ARCHIVE_BYTES = 200L * 1024 * 1024;
    private static final long MAX_CLASS_LIST_BYTES = 8L * 1024 * 1024;
    /** Files of the JVM that identify its build: an archive serves only the JVM that dumped it. */
    private static final List<String> JVM_FILES = List.of("release", "lib/modules", "lib/server/libjvm.so");
    /** Generous, so a busy machine does not fail the training; these runs are the platform's own code. */
    static final ResourceRequest LIMITS = new ResourceRequest(300, 1024, 300);
    /** The runner refuses an empty spec with this exit status, after its JVM started from the archive. */
    private static final int BAD_REQUEST = 2;

    /** The script runtime's training: compiles (javac is most of what a script's runtime loads) and uses DJL. */
    static final String TRAINING_SCRIPT = """
            import ai.djl.ndarray.NDArray;
            import ai.djl.ndarray.NDManager;
            import org.alignlab.experiments.script.Experiment;
            import org.alignlab.experiments.script.ScriptContext;

            public class ClassDataTraining implements Experiment {
                @Override
                public void run(ScriptContext ctx) {
                    try (NDManager manager = NDManager.newBaseManager()) {
                        NDArray values = manager.create(new float[] {1f, 2f, (float) ctx.random().nextGaussian()});
                        ctx.report("sum", values.sum().getFloat());
                    }
                }
            }
            """;

    private final Path dir;
    private final Map<RunnerRuntime, Optional<Path>> archives = new EnumMap<>(RunnerRuntime.class);
    private final Map<RunnerRuntime, String> problems = new EnumMap<>(RunnerRuntime.class);

    ClassDataArchives(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /**
     * {@code runtime}'s archive: the one made before for this JVM and these jars, else a new one, made now in
     * {@code sandbox}; empty when it cannot be made (remembered: it is not tried again by this sandbox).
     */
    synchronized Optional<Path> archive(RunnerRuntime runtime, HostLayout host, BubblewrapSandbox sandbox) {
        Optional<Path> known = archives.get(runtime);
        if (known != null && known.map(Files::isRegularFile).orElse(true)) {
            return known;
        }
        Optional<Path> archive;
        try {
            Path target = dir.resolve(runtime.name().toLowerCase(Locale.ROOT) + "-" + key(host, runtime)
                    + ".jsa");
            if (!Files.isRegularFile(target)) {
                long start = System.nanoTime();
                make(runtime, target, sandbox);
                LOG.infof("class-data archive for the %s runtime made in %.1f s: %s", runtime.name().toLowerCase(
                        Locale.ROOT), (System.nanoTime() - start) / 1e9, target);
            }
            archive = Optional.of(target);
            problems.remove(runtime);
        } catch (IOException | RuntimeException e) {
            String problem = "no class-data archive for the " + runtime.name().toLowerCase(Locale.ROOT)
                    + " runtime (" + e.getMessage() + "): its runs start without one, about a second slower";
            LOG.warn(problem);
            problems.put(runtime, problem);
            archive = Optional.empty();
        }
        archives.put(runtime, archive);
        return archive;
    }

    /** Why some runtime has no archive, for the operator's log at start. */
    synchronized List<String> problems() {
        return List.copyOf(problems.values());
    }

    /**
     * What an archive depends on, hashed: this format, the runtime, the JVM (its real path and the size and
     * modification time of the files that identify its build) and every jar on the runtime's class path by name, size
     * and modification time, which is what the JVM itself checks before it maps an archive.
     */
    static String key(HostLayout host, RunnerRuntime runtime) throws IOException {
        StringBuilder what = new StringBuilder(FORMAT).append('\n').append(runtime).append('\n');
        Path java = host.javaHome().toRealPath();
        what.append(java).append('\n');
        for (String file : JVM_FILES) {
            describe(java.resolve(file), file, what);
        }
        Path jar = runtime.jar(host.experimentsJar()).toAbsolutePath();
        describe(jar, jar.getFileName().toString(), what);
        Path lib = jar.resolveSibling(runtime.libDirectory());
        Map<String, Path> libJars = new TreeMap<>();
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                files.forEach(file -> libJars.put(file.getFileName().toString(), file));
            }
        }
        for (Map.Entry<String, Path> libJar : libJars.entrySet()) {
            describe(libJar.getValue(), "lib/" + libJar.getKey(), what);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(what.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static void describe(Path file, String name, StringBuilder into) throws IOException {
        into.append(name);
        if (Files.exists(file)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            into.append(' ').append(attributes.size()).append(' ').append(attributes.lastModifiedTime().toMillis());
        } else {
            into.append(" absent");
        }
        into.append('\n');
    }

    /** The training specs of a runtime: each family at its quickest, or the training script. */
    static List<ExperimentSpec> trainingSpecs(RunnerRuntime runtime) {
        if (runtime == RunnerRuntime.SCRIPT) {
            return List.of(new ExperimentSpec(RunnerRuntime.SCRIPT_FAMILY, Map.of(), List.of(1), Split.VALIDATION,
                    LIMITS, TRAINING_SCRIPT));
        }
        return FamilyCatalogue.standard().families().stream().filter(family -> !family.agentCode())
                .map(family -> new ExperimentSpec(family.name(), quickest(family), List.of(1), Split.VALIDATION,
                        LIMITS, null))
                .toList();
    }

    /** Every epoch count at its minimum: a training run has to load the classes a run loads, not to learn. */
    private static Map<String, Object> quickest(FamilyDefinition family) {
        Map<String, Object> params = new TreeMap<>();
        for (FamilyParam param : family.params()) {
            if (param.integer() && param.minimum() != null
                    && param.name().toLowerCase(Locale.ROOT).endsWith("epochs")) {
                params.put(param.name(), param.minimum().intValue());
            }
        }
        return params;
    }

    private void make(RunnerRuntime runtime, Path target, BubblewrapSandbox sandbox) throws IOException {
        // First, so that a directory that cannot be made costs no training.
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Set<String> classes = new LinkedHashSet<>();
        for (ExperimentSpec spec : trainingSpecs(runtime)) {
            SandboxRun training = sandbox.run(request(runtime, "training", Json.write(spec)),
                    new BubblewrapSandbox.RunnerCall(Optional.empty(),
                            List.of("-XX:DumpLoadedClassList=" + BwrapCommand.WORK + "/" + CLASS_LIST), Map.of(),
                            work -> classes.addAll(readClassList(work.resolve(CLASS_LIST)))));
            require(training, 0, "the training run of " + spec.family());
            if (classes.isEmpty()) {
                throw new IOException("the training run of " + spec.family() + " listed no classes");
            }
        }
        Path made = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            SandboxRun dump = sandbox.run(request(runtime, "dump", "{}"), new BubblewrapSandbox.RunnerCall(
                    Optional.empty(), List.of("-Xshare:dump",
                            "-XX:SharedClassListFile=" + BwrapCommand.WORK + "/" + CLASS_LIST,
                            "-XX:SharedArchiveFile=" + BwrapCommand.WORK + "/" + ARCHIVE),
                    Map.of(CLASS_LIST, String.join("\n", classes) + "\n"),
                    work -> copyOut(work.resolve(ARCHIVE), made)));
            require(dump, 0, "the dump run");
            if (Files.size(made) == 0) {
                throw new IOException("the dump run left no " + ARCHIVE);
            }
            Files.setPosixFilePermissions(made, PosixFilePermissions.fromString("rw-r--r--"));
            SandboxRun check = sandbox.run(request(runtime, "check", "{}"), new BubblewrapSandbox.RunnerCall(
                    Optional.of(made), List.of("-Xshare:on"), Map.of(), work -> {}));
            require(check, BAD_REQUEST, "the runner started with -Xshare:on from the new archive");
            Files.move(made, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(made);
        }
    }

    private static SandboxRequest request(RunnerRuntime runtime, String step, String specJson) {
        return new SandboxRequest("class-data-" + runtime.name().toLowerCase(Locale.ROOT) + "-" + step,
                specJson, LIMITS, runtime);
    }

    private static void require(SandboxRun run, int exitCode, String what) throws IOException {
        if (run.ending() != SandboxRun.Ending.EXITED || run.exitCode() != exitCode) {
            String stderr = run.stderrTail().strip();
            String stdout = run.stdoutTail().strip();
            String said = (stderr + "\n" + stdout).strip();
            throw new IOException(what + " ended " + run.ending().name().toLowerCase(Locale.ROOT)
                    + " with exit " + run.exitCode()
                    + (run.outputProblem() != null && run.ending() == SandboxRun.Ending.NOT_STARTED
                            ? ": " + run.outputProblem() : "")
                    + (said.isEmpty() ? "" : ": " + said.substring(Math.max(0, said.length() - 500))));
        }
    }

    /** The workload's class list, if it left one: a regular file, not a link it planted, of bounded size. */
    private static List<String> readClassList(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        requireRegularFile(file, MAX_CLASS_LIST_BYTES);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            String text = new String(in.readNBytes((int) MAX_CLASS_LIST_BYTES), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>();
            text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(lines::add);
            return lines;
        }
    }

    /** Copies the archive out of the run's work directory, if it left one, on the same terms as the class list. */
    private static void copyOut(Path archive, Path to) throws IOException {
        if (!Files.exists(archive, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        requireRegularFile(archive, MAX_ARCHIVE_BYTES);
        try (InputStream in = Files.newInputStream(archive, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
    }

    private static void requireRegularFile(Path file, long maxBytes) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile() || attributes.size() > maxBytes) {
            throw new IOException(file.getFileName() + " is not a regular file of at most " + maxBytes + " bytes");
        }
    }
}
