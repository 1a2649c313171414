package org.alignlab.experiments.script;

import java.lang.reflect.ReflectPermission;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;

/**
 * Refuses every native library a script asks for. The runner and DJL load theirs before the first seed
 * ({@link ScriptMain} starts the engine first); after that, a library load with a script's class anywhere on the
 * stack ({@code System.load}, {@code System.loadLibrary}, a JNA jar the script brought along extracting its stub) is
 * a script trying to run code that no rule read and no JVM check covers, and fails with a SecurityException. The
 * JDK's own libraries (under {@code java.home}) stay loadable, since the JDK loads them lazily on a script's behalf
 * ({@code ManagementFactory}, {@code java.util.zip}).
 *
 * <p>It also refuses a script's own deep reflection ({@code setAccessible}, {@code MethodHandles.privateLookupIn}):
 * the class loader keeps {@code sun.misc} from a script by name, but a script can still reach {@code Unsafe} through
 * the system class loader, and its {@code theUnsafe} field is worthless without {@code setAccessible}. Only the
 * script's own calls are refused: the runner's libraries (Jackson, DJL) reflect on a script's behalf freely.
 *
 * <p>A security manager is the one hook Java 17 has on every library load; this one checks nothing else, and refuses
 * to be replaced. On Java 18 and later it needs {@code -Djava.security.manager=allow}, which the sandbox passes.
 */
final class NativeCodeGuard extends SecurityManager {

    private static final Permission REPLACE = new RuntimePermission("setSecurityManager");
    private static final Permission DEEP_REFLECTION = new ReflectPermission("suppressAccessChecks");

    private final Path javaHome;

    NativeCodeGuard(Path javaHome) {
        this.javaHome = javaHome.toAbsolutePath().normalize();
    }

    /** Installs the guard for the rest of this JVM's life. */
    static void install() {
        System.setSecurityManager(new NativeCodeGuard(Path.of(System.getProperty("java.home"))));
    }

    @Override
    public void checkLink(String library) {
        if (refuses(library, List.of(getClassContext()))) {
            throw new SecurityException("native library " + library + " refused: scripts may not load native code");
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        if (REPLACE.equals(permission)) {
            throw new SecurityException("the script runtime's security manager cannot be replaced");
        }
        if (DEEP_REFLECTION.equals(permission) && scriptAsksItself(List.of(getClassContext()))) {
            throw new SecurityException("deep reflection refused: scripts may not suppress access checks");
        }
    }

    /**
     * Whether the request comes straight from a script's class: the first frame outside the reflection machinery
     * (and this guard) is the script's. A JDK class that opens something while serving a script is that class's own
     * business, as a runner library's is.
     *
     * <p>A plain loop on purpose: a lambda's first use links through reflection, which would ask this very check.
     *
     * @param stack the classes on the calling stack, innermost first
     */
    static boolean scriptAsksItself(List<Class<?>> stack) {
        for (Class<?> type : stack) {
            if (type != NativeCodeGuard.class && !isReflectionMachinery(type)) {
                return isScriptClass(type);
            }
        }
        return false;
    }

    private static boolean isReflectionMachinery(Class<?> type) {
        String name = type.getName();
        return type == SecurityManager.class || name.startsWith("java.lang.reflect.")
                || name.startsWith("java.lang.invoke.") || name.startsWith("jdk.internal.reflect.")
                || name.startsWith("jdk.internal.invoke.");
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    /**
     * @param library a library name ({@code System.loadLibrary}) or an absolute path ({@code System.load})
     * @param stack   the classes on the calling stack, innermost first
     */
    boolean refuses(String library, List<Class<?>> stack) {
        return stack.stream().anyMatch(NativeCodeGuard::isScriptClass) && !isJdkLibrary(library);
    }

    /** A class the runner did not bring: the script's, or one it loaded through a loader of its own. */
    static boolean isScriptClass(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader != null && loader != ClassLoader.getPlatformClassLoader()
                && loader != ClassLoader.getSystemClassLoader();
    }

    private boolean isJdkLibrary(String library) {
        if (library.indexOf('/') < 0) {
            // A bare name is searched on java.library.path too; only a name the JDK ships is its own.
            return !library.isEmpty() && library.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                    && javaHome.resolve("lib").resolve("lib" + library + ".so").toFile().isFile();
        }
        Path path = Path.of(library).toAbsolutePath().normalize();
        return path.startsWith(javaHome.resolve("lib")) && !library.contains("..");
    }
}
