package org.alignlab.experiments.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's decision, without installing it in the test's JVM. That it holds in the script runtime, against a
 * script, is the sandbox's ContainmentTest.
 */
class NativeCodeGuardTest {

    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private final NativeCodeGuard guard = new NativeCodeGuard(JAVA_HOME);

    @TempDir
    Path classes;

    /** A class defined by a script's loader, as CompiledScript makes one per seed. */
    private Class<?> scriptClass() throws Exception {
        Path compiled = new ScriptCompiler(classes).compile(ScriptSource.parse("public class Probe {}"));
        try (ScriptClassLoader loader = new ScriptClassLoader("script-seed-1", compiled,
                NativeCodeGuardTest.class.getClassLoader())) {
            Class<?> probe = loader.loadClass("Probe");
            assertThat(NativeCodeGuard.isScriptClass(probe)).isTrue();
            return probe;
        }
    }

    @Test
    void refusesAnyLibraryOutsideTheJdkWhenAScriptIsOnTheStack() throws Exception {
        List<Class<?>> stack = List.of(System.class, scriptClass(), CompiledScript.class);

        assertThat(guard.refuses("/lib/x86_64-linux-gnu/libc.so.6", stack)).isTrue();
        assertThat(guard.refuses("/work/libmine.so", stack)).isTrue();
        assertThat(guard.refuses("c", stack)).isTrue();
        assertThat(guard.refuses("jnidispatch", stack)).isTrue();
        assertThat(guard.refuses(JAVA_HOME.resolve("lib/../../../tmp/libevil.so").toString(), stack)).isTrue();
    }

    @Test
    void letsTheJdkLoadItsOwnLibrariesForAScript() throws Exception {
        List<Class<?>> stack = List.of(System.class, scriptClass());

        assertThat(guard.refuses(JAVA_HOME.resolve("lib/libmanagement.so").toString(), stack)).isFalse();
        assertThat(guard.refuses("management", stack)).isFalse();
    }

    @Test
    void letsTheRunnerLoadWhatItNeedsWhenNoScriptIsOnTheStack() {
        assertThat(guard.refuses("/opt/alignlab/djl-cache/pytorch/libtorch.so",
                List.of(System.class, NativeCodeGuard.class, String.class))).isFalse();
    }

    @Test
    void cannotBeReplaced() {
        assertThatThrownBy(() -> guard.checkPermission(new RuntimePermission("setSecurityManager")))
                .isInstanceOf(SecurityException.class);
        guard.checkPermission(new RuntimePermission("exitVM.0"));
    }

    @Test
    void refusesAScriptsOwnDeepReflectionButNotALibrarysOnItsBehalf() throws Exception {
        Class<?> script = scriptClass();

        assertThat(NativeCodeGuard.scriptAsksItself(List.of(NativeCodeGuard.class, java.lang.reflect.Field.class,
                script, CompiledScript.class))).as("Unsafe's theUnsafe field, made accessible by the script").isTrue();
        assertThat(NativeCodeGuard.scriptAsksItself(List.of(NativeCodeGuard.class, java.lang.reflect.Field.class,
                NativeCodeGuardTest.class, script))).as("a runner library reflecting for the script").isFalse();
        assertThat(NativeCodeGuard.scriptAsksItself(List.of(java.lang.reflect.Field.class, java.net.InetAddress.class,
                script))).as("the JDK opening something while serving the script").isFalse();
        guard.checkPermission(new java.lang.reflect.ReflectPermission("suppressAccessChecks"));
    }

    @Test
    void theScriptLoaderRefusesJnaAndTheJdksInternalsByName() throws IOException {
        try (ScriptClassLoader loader = new ScriptClassLoader("script-seed-1", classes,
                NativeCodeGuardTest.class.getClassLoader())) {
            for (String name : List.of("com.sun.jna.Native", "jdk.internal.misc.Unsafe", "sun.misc.Unsafe",
                    "jdk.incubator.foreign.CLinker", "java.lang.foreign.Linker")) {
                assertThatThrownBy(() -> loader.loadClass(name)).as(name)
                        .isInstanceOf(ClassNotFoundException.class).hasMessageContaining("not available to scripts");
            }
            assertThat(Files.isDirectory(classes)).isTrue();
        }
    }
}
