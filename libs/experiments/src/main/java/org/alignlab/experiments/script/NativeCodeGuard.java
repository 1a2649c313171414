package org.alignlab.experiments.script;

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
 * <p>A security manager is the one hook Java 17 has on every library load; this one checks nothing else, and refuses
 * to be replaced. On Java 18 and later it needs {@code -Djava.security.manager=allow}, which the sandbox passes.
 */
final class NativeCodeGuard extends SecurityManager {

    private static final Permission REPLACE = new RuntimePermission("setSecurityManager");

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
