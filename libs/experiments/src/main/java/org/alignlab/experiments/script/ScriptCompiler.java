package org.alignlab.experiments.script;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a script in-process into a fresh directory under the work dir (in the sandbox, its tmpfs), with this jar
 * and its class path visible to the script. The source stays in memory; only class files are written.
 */
final class ScriptCompiler {

    private final Path workDir;

    ScriptCompiler(Path workDir) {
        this.workDir = workDir;
    }

    /** @return the directory holding the compiled classes */
    Path compile(ScriptSource source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ScriptFailedException("no Java compiler in this runtime: scripts need a JDK, not a JRE");
        }
        Path classes = freshDirectory();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter otherOutput = new StringWriter();
        List<String> options = List.of("-d", classes.toString(), "-classpath", classPath(), "-proc:none",
                "-encoding", "UTF-8", "-Xlint:none");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean ok = javac
                    .getTask(otherOutput, files, diagnostics, options, null, List.of(new InMemorySource(source)))
                    .call();
            if (!ok) {
                throw new ScriptFailedException("script does not compile: " + firstError(diagnostics, otherOutput));
            }
        } catch (IOException e) {
            throw new ScriptFailedException("cannot compile script: " + e.getMessage(), e);
        }
        return classes;
    }

    private Path freshDirectory() {
        try {
            return Files.createTempDirectory(workDir, "script-");
        } catch (IOException e) {
            throw new ScriptFailedException("cannot create a directory for the script's classes in " + workDir
                    + ": " + e.getMessage(), e);
        }
    }

    private static String firstError(DiagnosticCollector<JavaFileObject> diagnostics, StringWriter otherOutput) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .findFirst()
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .orElse(otherOutput.toString().strip());
    }

    /**
     * This jar (where {@link Experiment} lives, found from the class rather than from {@code java.class.path}, which
     * under a launcher may name only a manifest jar) followed by the JVM's class path, so a script can use whatever
     * the experiments use, DJL included.
     */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(Experiment.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the experiments jar", e);
        }
        entries.addAll(List.of(System.getProperty("java.class.path", "").split(File.pathSeparator)));
        entries.remove("");
        return String.join(File.pathSeparator, entries);
    }

    /** The script's text as a compilation unit named after its public class, as javac requires. */
    private static final class InMemorySource extends SimpleJavaFileObject {

        private final String text;

        InMemorySource(ScriptSource source) {
            super(URI.create("string:///" + source.className().replace('.', '/') + Kind.SOURCE.extension),
                    Kind.SOURCE);
            this.text = source.text();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
