package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.Scripts.BODY_LINE;
import static org.alignlab.monitor.scoring.capabilities.Scripts.analyse;
import static org.alignlab.monitor.scoring.capabilities.Scripts.describe;
import static org.alignlab.monitor.scoring.capabilities.Scripts.hard;
import static org.alignlab.monitor.scoring.capabilities.Scripts.script;
import static org.alignlab.monitor.scoring.capabilities.Scripts.soft;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scripts that reach what no experiment may, each spelled so that a name- or pattern-based rule would miss it or
 * misjudge it: method references, handles and reflection with computed names, {@code var}, fully qualified names,
 * static imports, anonymous classes, lambdas, Unicode escapes, paths built without a literal. Each compiles against
 * the script API (except where it says so) and must give its capability as HARD.
 */
class HostileScriptsTest {

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("exec as a method reference bound to the script's own interface", script("", """
                        Launcher launch = Runtime.getRuntime()::exec;
                        launch.start("id");
                        }
                        interface Launcher { Object start(String command) throws Exception; }
                        void tail(ScriptContext ctx) {"""), Capability.PROCESS),
                Arguments.of("ProcessBuilder::new as a Supplier", script("import java.util.function.*;", """
                        Function<String[], Object> make = ProcessBuilder::new;
                        make.apply(new String[] {"id"});"""), Capability.PROCESS),
                Arguments.of("a method handle found with a concatenated name", script("import java.lang.invoke.*;", """
                        MethodHandle h = MethodHandles.lookup().findVirtual(Runtime.class, "ex" + "ec",
                                MethodType.methodType(Process.class, String.class));
                        h.invoke(Runtime.getRuntime(), "id");"""), Capability.PROCESS),
                Arguments.of("var hides the Process type", script("", """
                        var rt = Runtime.getRuntime();
                        var child = rt.exec(new String[] {"id"});
                        child.waitFor();"""), Capability.PROCESS),
                Arguments.of("a socket by its fully qualified name, no import", script("", """
                        try (var s = new java.net.Socket("10.0.0.1", 80)) { s.getOutputStream().write(1); }"""),
                        Capability.NETWORK),
                Arguments.of("System.exit through a static import", """
                        import static java.lang.System.exit;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;
                        public class Quit implements Experiment {
                            public void run(ScriptContext ctx) {
                                ctx.report("x", 1.0);
                                exit(0);
                            }
                        }
                        """, Capability.EXIT),
                Arguments.of("halt through a statically imported getRuntime", """
                        import static java.lang.Runtime.getRuntime;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;
                        public class Quit implements Experiment {
                            public void run(ScriptContext ctx) {
                                getRuntime().halt(0);
                            }
                        }
                        """, Capability.EXIT),
                Arguments.of("a process started in an anonymous class", script("", """
                        Runnable r = new Runnable() {
                            @Override
                            public void run() {
                                try { new ProcessBuilder("id").start(); } catch (Exception e) { }
                            }
                        };
                        r.run();"""), Capability.PROCESS),
                Arguments.of("URL.openStream in a lambda", script("import java.util.function.*;", """
                        Supplier<Object> fetch = () -> {
                            try { return new java.net.URL("https://example.org").openStream().readAllBytes(); }
                            catch (Exception e) { return null; }
                        };
                        fetch.get();"""), Capability.NETWORK),
                Arguments.of("HttpClient", script("import java.net.URI;\nimport java.net.http.*;", """
                        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("https://example.org"))
                                .build(), HttpResponse.BodyHandlers.ofString());"""), Capability.NETWORK),
                Arguments.of("a socket channel, which no 'Socket' pattern names as a type",
                        script("import java.nio.channels.*;",
                                """
                                        var channel = SocketChannel.open(new java.net.InetSocketAddress("example.org", 80));"""),
                        Capability.NETWORK),
                Arguments.of("sun.misc.Unsafe through reflection", script("import java.lang.reflect.Field;", """
                        Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                        f.setAccessible(true);
                        var unsafe = (sun.misc.Unsafe) f.get(null);
                        unsafe.putLong(0L, 0L);"""), Capability.NATIVE),
                Arguments.of("the foreign-function Linker (not in Java 17: held, and still NATIVE)", script("", """
                        var linker = java.lang.foreign.Linker.nativeLinker();"""), Capability.NATIVE),
                Arguments.of("JNA, which the analysis's class path does not have", """
                        import com.sun.jna.Native;
                        import org.alignlab.experiments.script.Experiment;
                        import org.alignlab.experiments.script.ScriptContext;
                        public class C implements Experiment {
                            public void run(ScriptContext ctx) { Native.load("c", Object.class); }
                        }
                        """, Capability.NATIVE),
                Arguments.of("a JNI method declared in the script", script("", """
                        ctx.report("y", 2.0);
                        }
                        private static native int system(String command);
                        void tail(ScriptContext ctx) {"""), Capability.NATIVE),
                Arguments.of("System.loadLibrary as a method reference", script("import java.util.function.*;", """
                        Consumer<String> load = System::loadLibrary;
                        load.accept("c");"""), Capability.NATIVE),
                Arguments.of("/proc/self/environ read with Files", script("import java.nio.file.*;", """
                        byte[] env = Files.readAllBytes(Path.of("/proc/self/environ"));"""),
                        Capability.ENVIRONMENT),
                Arguments.of("Unicode escapes spelling Runtime", script("", """
                        \\u0052untime.getRuntime().\\u0065xec("id");"""), Capability.PROCESS),
                Arguments.of("a class name decoded from Base64", script("import java.util.Base64;", """
                        Class<?> c = Class.forName(new String(Base64.getDecoder()
                                .decode("amF2YS5sYW5nLlByb2Nlc3NCdWlsZGVy")));"""), Capability.PROCESS),
                Arguments.of("a method name reversed in a bean Statement", script("import java.beans.Statement;", """
                        new Statement(Runtime.getRuntime(), new StringBuilder("cexe").reverse().toString(),
                                new Object[] {"id"}).execute();"""), Capability.PROCESS),
                Arguments.of("deserialization", script("import java.io.*;", """
                        Object o = new ObjectInputStream(new ByteArrayInputStream(new byte[0])).readObject();"""),
                        Capability.DYNAMIC_CODE),
                Arguments.of("a script engine", script("import javax.script.*;", """
                        new ScriptEngineManager().getEngineByName("js").eval("1");"""), Capability.DYNAMIC_CODE),
                Arguments.of("JShell", script("", """
                        jdk.jshell.JShell.create().eval("1 + 1");"""), Capability.DYNAMIC_CODE),
                Arguments.of("a class loader of the script's own", script("", """
                        new Loader();
                        }
                        static class Loader extends ClassLoader { }
                        void tail(ScriptContext ctx) {"""), Capability.DYNAMIC_CODE),
                Arguments.of("the thread's context class loader", script("", """
                        var loader = Thread.currentThread().getContextClassLoader();"""), Capability.DYNAMIC_CODE),
                Arguments.of("a shutdown hook", script("", """
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> { }));"""), Capability.EXIT),
                Arguments.of("System.setProperty, which outlives the seed", script("", """
                        System.setProperty("alignlab.best", "0.01");"""), Capability.ENVIRONMENT),
                Arguments.of("every environment variable", script("", """
                        var env = System.getenv();"""), Capability.ENVIRONMENT),
                Arguments.of("an environment variable named like a secret", script("", """
                        String key = System.getenv("AWS_SECRET_ACCESS_KEY");"""), Capability.ENVIRONMENT),
                Arguments.of("an environment variable whose name comes from the params", script("", """
                        String value = System.getenv(String.valueOf(ctx.param("name")));"""),
                        Capability.ENVIRONMENT),
                Arguments.of("the runner's command line", script("", """
                        String command = System.getProperty("sun.java.command");"""), Capability.ENVIRONMENT),
                Arguments.of("the JVM's management interface", script("", """
                        var args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();"""),
                        Capability.ENVIRONMENT),
                Arguments.of("preferences, which persist across runs", script("", """
                        java.util.prefs.Preferences.userRoot().put("lr", "0.01");"""), Capability.FILES),
                Arguments.of("the file-system roots", script("import java.nio.file.*;", """
                        for (Path root : FileSystems.getDefault().getRootDirectories()) { }"""), Capability.FILES),
                Arguments.of("an XML parser, which fetches external DTDs", script("", """
                        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder();"""),
                        Capability.NETWORK),
                Arguments.of("a desktop 'open', which runs the host's programs", script("", """
                        java.awt.Desktop.getDesktop().open(new java.io.File("/work/run.sh"));"""),
                        Capability.PROCESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileCapabilityIsHardHoweverItIsSpelled(String name, String source, Capability capability) {
        ScriptAnalysis analysis = analyse(source);

        assertThat(hard(analysis)).as(describe(analysis)).contains(capability);
    }

    @Test
    void reflectionThroughLocalVariablesIsFollowedToWhatItReaches() {
        ScriptAnalysis analysis = analyse(script("", """
                String cls = "java.lang." + "Run" + "time";
                String method = new StringBuilder("cexe").reverse().toString();
                Class<?> c = Class.forName(cls);
                Object rt = c.getMethod("getRuntime").invoke(null);
                c.getMethod(method, String.class).invoke(rt, "id");"""));

        assertThat(analysis.notAnalysed()).isEmpty();
        assertThat(hard(analysis)).as(describe(analysis)).contains(Capability.DYNAMIC_CODE, Capability.REFLECTION,
                Capability.PROCESS);
        assertThat(analysis.findings()).filteredOn(f -> f.capability() == Capability.PROCESS).singleElement()
                .satisfies(f -> {
                    assertThat(f.api()).contains("\"exec\"").contains("java.lang.Runtime");
                    assertThat(f.line()).isEqualTo(BODY_LINE + 4);
                });
    }

    @Test
    void aPathBuiltFromTheRootWithoutALiteralIsOutsideTheWorkDir() {
        ScriptAnalysis analysis = analyse(script("import java.nio.file.*;", """
                Path root = Path.of("").toAbsolutePath().getRoot();
                String secret = Files.readString(root.resolve("proc").resolve("self").resolve("environ"));"""));

        assertThat(analysis.findings()).as(describe(analysis))
                .anySatisfy(f -> {
                    assertThat(f.hard()).isTrue();
                    assertThat(f.why()).contains("/proc/self/environ");
                    assertThat(f.line()).isEqualTo(BODY_LINE + 1);
                });
    }

    @Test
    void aPathPassedToTheScriptsOwnHelperIsJudgedAtTheFileCall() {
        ScriptAnalysis analysis = analyse(script("import java.nio.file.*;", """
                ctx.report("n", read("/etc/pass" + "wd").length());
                }
                static String read(String name) throws Exception {
                    return Files.readString(Path.of(name));
                }
                void tail(ScriptContext ctx) {"""));

        assertThat(analysis.findings()).as(describe(analysis)).anySatisfy(f -> {
            assertThat(f.capability()).isEqualTo(Capability.FILES);
            assertThat(f.hard()).isTrue();
            assertThat(f.why()).contains("/etc/passwd");
            assertThat(f.line()).isEqualTo(BODY_LINE + 3);
        });
    }

    @Test
    void everyPathALoopWalksIsJudged() {
        ScriptAnalysis analysis = analyse(script("import java.nio.file.*;\nimport java.util.List;", """
                for (String name : List.of("/work/a.txt", "/work/../etc/shadow")) {
                    Files.readString(Path.of(name));
                }"""));

        assertThat(analysis.findings()).as(describe(analysis))
                .anySatisfy(f -> assertThat(f.why()).contains("'/etc/shadow', outside the work dir"));
    }

    @Test
    void aThreadIsHeldNotBlocked() {
        ScriptAnalysis analysis = analyse(script("", """
                Thread worker = new Thread(() -> ctx.report("y", 2.0));
                worker.start();
                worker.join();"""));

        assertThat(hard(analysis)).as(describe(analysis)).isEmpty();
        assertThat(soft(analysis)).containsExactly(Capability.THREADS);
    }

    @Test
    void aScriptThatDoesNotCompileIsNotAnalysedButWhatResolvesIsStillJudged() {
        ScriptAnalysis analysis = analyse(script("", """
                ctx.report("acc", accuracy);
                Runtime.getRuntime().exec("id");"""));

        assertThat(analysis.notAnalysed()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("does not compile").contains("line " + BODY_LINE).contains("accuracy"));
        assertThat(hard(analysis)).contains(Capability.PROCESS);
    }
}
