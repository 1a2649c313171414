package org.alignlab.monitor.scoring.capabilities;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.jboss.logging.Logger;

/**
 * The capability analysis of a script: javac parses and attributes it against the script API (no class file is
 * written, nothing is loaded or run), then {@link CapabilityScanner} resolves every name it uses to its owner and judges
 * it against the allow-list of {@link ApiPolicy}.
 *
 * <p>Bounded, because the gate runs it for every script: a source over {@link Limits#maxChars()} is not analysed; at
 * most {@link Limits#concurrency()} analyses run at once, each on a worker of its own; the caller waits at most
 * {@link Limits#timeout()} for a worker and as long again for the result. javac cannot be interrupted, so a source
 * that keeps it busy keeps its worker until javac returns; the caller has its answer (not analysed) in time, and once
 * every worker is taken, later scripts are answered "busy" at once rather than queued behind it. Nothing is cached
 * between scripts: each analysis has its own compiler task and file manager.
 */
public final class ScriptCapabilities implements ScriptAnalyser, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ScriptCapabilities.class);

    /**
     * Deeper sources are not analysed (held). An honest script nests a dozen levels; the bound keeps javac's and the
     * scanner's recursion far inside a worker's stack, whatever the JIT has compiled.
     */
    static final int MAX_NESTING = 256;

    /**
     * No annotation processors (they are code from the class path, run in the monitor), no implicit compilation of
     * sources found on the class path, and attribution that goes on past the first error so that the parts of a
     * broken script that do resolve are still judged.
     */
    static final List<String> OPTIONS = List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
            "-Xmaxerrs", "10", "-XDshould-stop.ifError=FLOW");

    /**
     * @param maxChars    longer sources are not analysed (held): an honest script is a few KB
     * @param timeout     how long the gate waits for a worker, and then for the analysis
     * @param concurrency analyses that may run at once
     */
    public record Limits(int maxChars, Duration timeout, int concurrency) {

        public static final Limits DEFAULTS = new Limits(100_000, Duration.ofSeconds(10), 2);

        public Limits {
            if (maxChars < 1 || concurrency < 1 || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("bad script analysis limits " + maxChars + ", " + timeout + ", "
                        + concurrency);
            }
        }
    }

    private final Limits limits;
    private final JavaCompiler javac;
    private final List<Path> classPath;
    private final ApiPolicy policy = ApiPolicy.standard();
    private final Semaphore slots;
    private final ExecutorService workers;

    /** @throws IllegalStateException when the script API is not on this monitor's class path */
    public ScriptCapabilities(Limits limits) {
        this(limits, ToolProvider.getSystemJavaCompiler(),
                ScriptClassPath.locate(ScriptCapabilities.class.getClassLoader()));
    }

    ScriptCapabilities(Limits limits, JavaCompiler javac, List<Path> classPath) {
        this.limits = limits;
        this.javac = javac;
        this.classPath = List.copyOf(classPath);
        this.slots = new Semaphore(limits.concurrency());
        this.workers = Executors.newFixedThreadPool(limits.concurrency(), new Workers());
        if (javac == null) {
            LOG.error("this monitor runs on a Java runtime without javac (module jdk.compiler): every script will be"
                    + " held as not analysed");
        }
    }

    @Override
    public ScriptAnalysis analyse(String source) {
        if (source.length() > limits.maxChars()) {
            return ScriptAnalysis.notAnalysed("the script has " + source.length() + " characters, more than the "
                    + limits.maxChars() + " the analysis reads");
        }
        int nesting = SourceNesting.deepest(source);
        if (nesting > MAX_NESTING) {
            return ScriptAnalysis.notAnalysed("the script nests " + nesting + " levels of brackets, more than the "
                    + MAX_NESTING + " the analysis reads");
        }
        if (javac == null) {
            return ScriptAnalysis.notAnalysed("the monitor has no Java compiler to analyse scripts with");
        }
        long waitMillis = limits.timeout().toMillis();
        try {
            if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                return ScriptAnalysis.notAnalysed("every script analyser is busy (a script before this one may be"
                        + " keeping javac busy)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScriptAnalysis.notAnalysed("interrupted while waiting for a script analyser");
        }
        CompletableFuture<ScriptAnalysis> result = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    result.complete(attributeAndScan(source));
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            return ScriptAnalysis.notAnalysed("the script analyser is shut down");
        }
        try {
            return result.get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ScriptAnalysis.notAnalysed("not analysed within " + limits.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScriptAnalysis.notAnalysed("interrupted while analysing the script");
        }
    }

    /** What the caller is told when the analysis threw. */
    static ScriptAnalysis failed(Throwable cause) {
        // javac reports its own stack overflow wrapped in an IllegalStateException; nesting is bounded before javac,
        // but a long chain of operators still recurses once per operator.
        for (Throwable e = cause; e != null; e = e.getCause()) {
            if (e instanceof StackOverflowError) {
                return ScriptAnalysis.notAnalysed("the script nests too deeply to analyse");
            }
        }
        LOG.warnf(cause, "script analysis failed");
        return ScriptAnalysis.notAnalysed("the analysis failed: " + cause.getClass().getSimpleName());
    }

    private ScriptAnalysis attributeAndScan(String source) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            JavacTask task = (JavacTask) javac.getTask(Writer.nullWriter(), files, diagnostics, OPTIONS, null,
                    List.of(new ScriptSourceFile(source)));
            CompilationUnitTree unit = task.parse().iterator().next();
            task.analyze();
            CapabilityScanner scanner = new CapabilityScanner(task, unit, policy);
            List<CapabilityFinding> findings = scanner.scan();
            return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .findFirst()
                    .map(error -> ScriptAnalysis.notAnalysed("does not compile against the script API: line "
                            + error.getLineNumber() + ": " + error.getMessage(Locale.ROOT), findings))
                    // The metrics of a script that compiles: a broken one is held anyway.
                    .orElseGet(() -> ScriptAnalysis.of(findings).withMetrics(scanner.metrics()));
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * Daemon workers, so a javac that never returns cannot keep the monitor from stopping, with a deep stack: javac
     * and the scanner recurse once per level of nesting.
     */
    private static final class Workers implements ThreadFactory {

        private static final long STACK_BYTES = 16L * 1024 * 1024;
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(null, work, "script-analysis-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        }
    }
}
