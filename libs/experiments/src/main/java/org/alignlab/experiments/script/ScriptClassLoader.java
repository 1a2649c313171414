package org.alignlab.experiments.script;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads one seed's script classes. It refuses, by name, the packages through which Java code reaches native code or
 * the JDK's internals: JNA, the foreign-function API (incubating on Java 17, final later) and {@code jdk.internal}.
 * That is a first fence for a script that names them; {@link NativeCodeGuard} is the one that holds, because it
 * also sees a class the script reaches some other way.
 */
final class ScriptClassLoader extends URLClassLoader {

    /** Native code, and the JDK's back doors to raw memory ({@code sun.misc.Unsafe}) and to class definition. */
    static final List<String> REFUSED_PACKAGES = List.of("com.sun.jna.", "java.lang.foreign.",
            "jdk.incubator.foreign.", "jdk.internal.", "sun.misc.", "sun.reflect.");

    ScriptClassLoader(String name, Path classes, ClassLoader parent) {
        super(name, new URL[] {url(classes)}, parent);
    }

    private static URL url(Path classes) {
        try {
            return classes.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("no URL for " + classes, e);
        }
    }

    static boolean refused(String className) {
        return REFUSED_PACKAGES.stream().anyMatch(className::startsWith);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (refused(name)) {
            throw new ClassNotFoundException(name + " is not available to scripts (no native code in experiments)");
        }
        return super.loadClass(name, resolve);
    }
}
