package org.alignlab.monitor.scoring.capabilities;

import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.CLOCK;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.DYNAMIC;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.EXIT;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.FILES;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.HOST;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.JVM_WIDE;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.MANAGEMENT;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.NATIVE;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.NETWORK;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.PROCESS;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.REFLECTION;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.THREADS;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.UNKNOWN;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.UNSEEDED;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.hard;
import static org.alignlab.monitor.scoring.capabilities.ApiPolicy.soft;

import org.alignlab.monitor.scoring.capabilities.ApiPolicy.Verdict;

/** The entries of {@link ApiPolicy#standard()}, grouped as the allow-list's documentation groups them. */
final class ApiPolicyTables {

    private static final Verdict ALLOW = Verdict.ALLOW;

    private ApiPolicyTables() {
    }

    static ApiPolicy.Builder fill(ApiPolicy.Builder b) {
        scriptApi(b);
        javaLang(b);
        javaUtil(b);
        valuesAndText(b);
        io(b);
        outside(b);
        djl(b);
        return b;
    }

    private static void scriptApi(ApiPolicy.Builder b) {
        b.types(ALLOW, "org.alignlab.experiments.script.Experiment", "org.alignlab.experiments.script.ScriptContext",
                "org.alignlab.experiments.script.ScriptFailedException", "org.alignlab.contracts.events.Split");
        // The rest of the script package is the runtime that compiles and runs scripts.
        b.packageOnly("org.alignlab.experiments.script", hard(Capability.DYNAMIC_CODE,
                "the script runtime itself, which compiles and runs code"));
        // The numerical helpers the script runtime ships for scripts (training loops, seed statistics): pure
        // computation over what the script hands them.
        b.packageOnly(ScriptRuntimeHelpers.TRAINING, ALLOW);
        b.packageOnly(ScriptRuntimeHelpers.STATISTICS, ALLOW);
        b.packageTree("org.alignlab", soft(Capability.UNKNOWN_API, "platform code outside the script API"));
    }

    private static void javaLang(ApiPolicy.Builder b) {
        b.packageOnly("java.lang", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.types(ALLOW, "java.lang.String", "java.lang.StringBuilder", "java.lang.StringBuffer",
                "java.lang.CharSequence",
                "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Float", "java.lang.Double",
                "java.lang.Number", "java.lang.Comparable", "java.lang.Iterable", "java.lang.AutoCloseable",
                "java.lang.Cloneable", "java.lang.Record", "java.lang.Enum", "java.lang.Void", "java.lang.Runnable",
                "java.lang.Appendable", "java.lang.Readable", "java.lang.Override", "java.lang.Deprecated",
                "java.lang.SuppressWarnings", "java.lang.FunctionalInterface", "java.lang.SafeVarargs",
                "java.lang.StackTraceElement", "java.lang.Throwable", "java.lang.Exception",
                "java.lang.RuntimeException", "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
                "java.lang.ArithmeticException", "java.lang.IndexOutOfBoundsException",
                "java.lang.ArrayIndexOutOfBoundsException", "java.lang.StringIndexOutOfBoundsException",
                "java.lang.NullPointerException", "java.lang.NumberFormatException",
                "java.lang.UnsupportedOperationException", "java.lang.ClassCastException",
                "java.lang.NegativeArraySizeException", "java.lang.ArrayStoreException",
                "java.lang.CloneNotSupportedException", "java.lang.InterruptedException", "java.lang.AssertionError");
        b.type("java.lang.Object", ALLOW)
                .member(soft(Capability.REFLECTION, "hands out the object's Class, the way into reflection"),
                        "getClass")
                .member(soft(Capability.THREADS, THREADS), "wait", "notify", "notifyAll");
        // Boolean.getBoolean, Integer.getInteger and Long.getLong read system properties.
        b.type("java.lang.Boolean", ALLOW).member(soft(Capability.ENVIRONMENT, HOST), "getBoolean");
        b.type("java.lang.Integer", ALLOW).member(soft(Capability.ENVIRONMENT, HOST), "getInteger");
        b.type("java.lang.Long", ALLOW).member(soft(Capability.ENVIRONMENT, HOST), "getLong");
        b.type("java.lang.Math", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED), "random");
        b.type("java.lang.StrictMath", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED),
                "random");

        b.type("java.lang.System", ALLOW).otherMembers(soft(Capability.UNKNOWN_API, UNKNOWN))
                .member(ALLOW, "arraycopy", "lineSeparator", "out", "err")
                .member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, CLOCK), "currentTimeMillis", "nanoTime")
                .member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, "identity hashes differ from run to run"),
                        "identityHashCode")
                .member(hard(Capability.EXIT, EXIT), "exit")
                .member(soft(Capability.ENVIRONMENT, HOST), "getenv", "getProperty", "getSecurityManager", "gc",
                        "runFinalization", "getLogger")
                .member(hard(Capability.ENVIRONMENT, "every system property at once"), "getProperties")
                .member(hard(Capability.ENVIRONMENT, "every environment variable at once"), "getenv()")
                .member(hard(Capability.ENVIRONMENT, JVM_WIDE), "setProperty", "clearProperty", "setProperties",
                        "setOut", "setErr", "setIn", "setSecurityManager")
                .member(hard(Capability.NATIVE, NATIVE), "load", "loadLibrary", "mapLibraryName")
                .member(soft(Capability.FILES, "reads the process's standard input"), "in", "console")
                .member(hard(Capability.NETWORK, NETWORK), "inheritedChannel");
        b.type("java.lang.Runtime", soft(Capability.ENVIRONMENT, HOST))
                .member(hard(Capability.PROCESS, PROCESS), "exec")
                .member(hard(Capability.EXIT, EXIT), "exit", "halt", "addShutdownHook", "removeShutdownHook")
                .member(hard(Capability.NATIVE, NATIVE), "load", "loadLibrary");
        b.types(hard(Capability.PROCESS, PROCESS), "java.lang.Process", "java.lang.ProcessBuilder");
        b.type("java.lang.ProcessHandle", soft(Capability.ENVIRONMENT, HOST))
                .member(hard(Capability.PROCESS, PROCESS), "allProcesses", "of", "destroy", "destroyForcibly",
                        "children", "descendants", "parent", "onExit")
                .member(hard(Capability.ENVIRONMENT, "the runner's command line, which names its files"), "info",
                        "command", "commandLine", "arguments");
        b.types(soft(Capability.THREADS, THREADS), "java.lang.ThreadGroup",
                "java.lang.ThreadLocal", "java.lang.InheritableThreadLocal");
        b.type("java.lang.Thread", soft(Capability.THREADS, THREADS))
                .member(soft(Capability.THREADS, "waits on the clock, holding a sandbox slot"), "sleep", "onSpinWait")
                .member(hard(Capability.DYNAMIC_CODE, DYNAMIC), "getContextClassLoader", "setContextClassLoader");

        b.type("java.lang.Class", ALLOW).otherMembers(hard(Capability.REFLECTION, REFLECTION))
                .member(ALLOW, "getName", "getSimpleName", "getTypeName", "getCanonicalName", "getPackageName",
                        "isInstance", "cast", "isArray", "isPrimitive", "isEnum", "isRecord", "isInterface",
                        "isAnnotation", "toString", "toGenericString", "hashCode", "equals", "getEnumConstants",
                        "desiredAssertionStatus", "isAssignableFrom", "getComponentType", "componentType", "arrayType",
                        "descriptorString")
                .member(hard(Capability.DYNAMIC_CODE, "loads a class by name"), "forName")
                .member(hard(Capability.DYNAMIC_CODE, DYNAMIC), "getClassLoader")
                .member(hard(Capability.FILES, "reads the runtime's own files (its jars) by name"), "getResource",
                        "getResourceAsStream")
                .member(hard(Capability.REFLECTION, "locates the runtime's jars"), "getProtectionDomain");
        b.types(hard(Capability.DYNAMIC_CODE, DYNAMIC), "java.lang.ClassLoader", "java.lang.Compiler",
                "java.lang.ClassValue", "java.security.SecureClassLoader", "java.net.URLClassLoader");
        b.types(hard(Capability.REFLECTION, REFLECTION), "java.lang.Module", "java.lang.ModuleLayer",
                "java.lang.Package", "java.lang.StackWalker", "java.lang.SecurityManager",
                "java.security.ProtectionDomain", "java.security.CodeSource");
        b.packageTree("java.lang.reflect", hard(Capability.REFLECTION, REFLECTION));
        b.type("java.lang.reflect.Proxy", hard(Capability.DYNAMIC_CODE, "makes classes that dispatch calls by name"));
        b.packageTree("java.lang.invoke", hard(Capability.DYNAMIC_CODE,
                "method handles and bootstraps call what the analysis cannot see"));
        b.packageTree("java.lang.runtime", hard(Capability.DYNAMIC_CODE, DYNAMIC));
        b.packageTree("java.lang.instrument", hard(Capability.DYNAMIC_CODE, "rewrites classes as they load"));
        b.packageTree("java.lang.management", hard(Capability.ENVIRONMENT, MANAGEMENT));
        b.packageTree("java.lang.ref", soft(Capability.THREADS, "runs cleaning actions on the JVM's own threads"));
        b.packageTree("java.lang.annotation", ALLOW);
        b.packageTree("java.lang.foreign", hard(Capability.NATIVE, NATIVE));
    }

    private static void javaUtil(ApiPolicy.Builder b) {
        b.packageOnly("java.util", ALLOW);
        b.type("java.util.ServiceLoader", hard(Capability.DYNAMIC_CODE,
                "instantiates the classes that jars name in their service files"));
        b.types(soft(Capability.THREADS, THREADS), "java.util.Timer", "java.util.TimerTask");
        b.types(hard(Capability.DYNAMIC_CODE, "loads classes and bundles by name"), "java.util.ResourceBundle",
                "java.util.PropertyResourceBundle", "java.util.ListResourceBundle");
        b.type("java.util.Random", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED), "<init>()");
        b.type("java.util.SplittableRandom", ALLOW)
                .member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED), "<init>()");
        b.type("java.util.Collections", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED),
                "shuffle(java.util.List)");
        b.type("java.util.UUID", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED),
                "randomUUID");
        b.type("java.util.Date", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, CLOCK), "<init>()");
        b.type("java.util.Calendar", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, CLOCK),
                "getInstance");
        b.type("java.util.GregorianCalendar", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, CLOCK),
                "<init>()", "<init>(java.util.TimeZone)", "<init>(java.util.Locale)",
                "<init>(java.util.TimeZone,java.util.Locale)");
        b.type("java.util.Locale", ALLOW).member(hard(Capability.ENVIRONMENT, JVM_WIDE), "setDefault");
        b.type("java.util.TimeZone", ALLOW).member(hard(Capability.ENVIRONMENT, JVM_WIDE), "setDefault");
        // Formatter(String fileName, ...) writes a file; the scanner judges the path.
        b.type("java.util.Formatter", ALLOW).member(soft(Capability.FILES, FILES), "<init>(java.lang.String)",
                "<init>(java.lang.String,java.lang.String)",
                "<init>(java.lang.String,java.lang.String,java.util.Locale)",
                "<init>(java.lang.String,java.nio.charset.Charset,java.util.Locale)", "<init>(java.io.File)",
                "<init>(java.io.File,java.lang.String)", "<init>(java.io.File,java.lang.String,java.util.Locale)",
                "<init>(java.io.File,java.nio.charset.Charset,java.util.Locale)");
        b.packageTree("java.util.function", ALLOW);
        b.packageTree("java.util.stream", ALLOW);
        b.packageTree("java.util.regex", ALLOW);
        b.packageTree("java.util.random", ALLOW);
        b.type("java.util.random.RandomGenerator", ALLOW)
                .member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED), "getDefault", "of");
        b.type("java.util.random.RandomGeneratorFactory", ALLOW)
                .member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED), "create()");
        b.packageTree("java.util.prefs", hard(Capability.FILES,
                "preferences persist outside the work dir, from one run to the next"));
        b.packageTree("java.util.logging", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.type("java.util.logging.LogManager", hard(Capability.DYNAMIC_CODE,
                "its configuration instantiates handler classes by name"));
        b.type("java.util.logging.FileHandler", soft(Capability.FILES, FILES));
        b.type("java.util.logging.SocketHandler", hard(Capability.NETWORK, NETWORK));
        b.packageTree("java.util.zip", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.packageTree("java.util.jar", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.types(soft(Capability.FILES, FILES), "java.util.zip.ZipFile", "java.util.jar.JarFile");
        b.packageTree("java.util.spi", soft(Capability.UNKNOWN_API, UNKNOWN));

        // java.util.concurrent: its collections and atomics are data structures; the rest runs or coordinates threads.
        b.packageTree("java.util.concurrent", soft(Capability.THREADS, THREADS));
        b.types(ALLOW, "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentMap",
                "java.util.concurrent.ConcurrentNavigableMap", "java.util.concurrent.ConcurrentSkipListMap",
                "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.ConcurrentLinkedQueue",
                "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.CopyOnWriteArrayList",
                "java.util.concurrent.CopyOnWriteArraySet", "java.util.concurrent.Callable",
                "java.util.concurrent.ExecutionException", "java.util.concurrent.TimeoutException",
                "java.util.concurrent.CancellationException", "java.util.concurrent.CompletionException");
        b.type("java.util.concurrent.TimeUnit", ALLOW).member(soft(Capability.THREADS, THREADS), "sleep", "timedJoin",
                "timedWait");
        b.type("java.util.concurrent.ThreadLocalRandom", soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED));
        b.packageTree("java.util.concurrent.atomic", ALLOW);
        b.types(hard(Capability.REFLECTION, "reaches a field by its name"),
                "java.util.concurrent.atomic.AtomicIntegerFieldUpdater",
                "java.util.concurrent.atomic.AtomicLongFieldUpdater",
                "java.util.concurrent.atomic.AtomicReferenceFieldUpdater");
    }

    private static void valuesAndText(ApiPolicy.Builder b) {
        b.packageTree("java.math", ALLOW);
        b.packageTree("java.text", ALLOW);
        b.packageTree("java.time", ALLOW);
        b.packageMember("java.time", "now", soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, CLOCK));
        b.type("java.time.Clock", ALLOW).member(soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, CLOCK), "systemUTC",
                "systemDefaultZone", "system", "tick", "tickMillis", "tickSeconds", "tickMinutes", "millis",
                "instant");
        // NIO buffers and charsets are in-memory; a mapped buffer is a file.
        b.packageOnly("java.nio", ALLOW);
        b.type("java.nio.MappedByteBuffer", soft(Capability.FILES, FILES));
        b.packageTree("java.nio.charset", ALLOW);
    }

    private static void io(ApiPolicy.Builder b) {
        b.packageTree("java.io", soft(Capability.FILES, FILES));
        // In-memory streams, the abstract stream types and wrappers: a file is opened only by the types left out.
        b.types(ALLOW, "java.io.IOException", "java.io.UncheckedIOException", "java.io.EOFException",
                "java.io.Serializable", "java.io.Closeable", "java.io.Flushable", "java.io.ByteArrayInputStream",
                "java.io.ByteArrayOutputStream", "java.io.CharArrayReader", "java.io.CharArrayWriter",
                "java.io.StringReader", "java.io.StringWriter", "java.io.InputStream", "java.io.OutputStream",
                "java.io.Reader", "java.io.Writer", "java.io.BufferedInputStream", "java.io.BufferedOutputStream",
                "java.io.BufferedReader", "java.io.BufferedWriter", "java.io.DataInputStream",
                "java.io.DataOutputStream", "java.io.DataInput", "java.io.DataOutput", "java.io.InputStreamReader",
                "java.io.OutputStreamWriter", "java.io.PushbackInputStream", "java.io.PushbackReader",
                "java.io.FilterInputStream", "java.io.FilterOutputStream", "java.io.FilterReader",
                "java.io.FilterWriter", "java.io.LineNumberReader", "java.io.SequenceInputStream",
                "java.io.StreamTokenizer");
        // A PrintStream or PrintWriter on a stream prints (System.out is one); on a file name or a File it writes it.
        for (String printer : new String[] {"java.io.PrintStream", "java.io.PrintWriter"}) {
            b.type(printer, ALLOW).member(soft(Capability.FILES, FILES), "<init>(java.lang.String)",
                    "<init>(java.lang.String,java.lang.String)",
                    "<init>(java.lang.String,java.nio.charset.Charset)", "<init>(java.io.File)",
                    "<init>(java.io.File,java.lang.String)", "<init>(java.io.File,java.nio.charset.Charset)");
        }
        String deserialization = "deserialization creates objects of whatever classes the data names";
        b.types(hard(Capability.DYNAMIC_CODE, deserialization), "java.io.ObjectInputStream", "java.io.ObjectInput",
                "java.io.ObjectInputFilter", "java.io.ObjectStreamClass");
        b.types(soft(Capability.UNKNOWN_API, "Java serialization"), "java.io.ObjectOutputStream",
                "java.io.ObjectOutput", "java.io.Externalizable");
        b.packageTree("java.nio.file", soft(Capability.FILES, FILES));
        String roots = "the file system's roots and mounts, outside the work dir";
        b.type("java.nio.file.FileSystem", soft(Capability.FILES, FILES))
                .member(hard(Capability.FILES, roots), "getRootDirectories", "getFileStores");
        b.type("java.nio.file.Files", soft(Capability.FILES, FILES)).member(hard(Capability.FILES, roots),
                "getFileStore");
        b.type("java.io.File", soft(Capability.FILES, FILES)).member(hard(Capability.FILES, roots), "listRoots");
        b.packageTree("java.nio.channels", soft(Capability.FILES, FILES));
        b.types(hard(Capability.NETWORK, NETWORK), "java.nio.channels.SocketChannel",
                "java.nio.channels.ServerSocketChannel", "java.nio.channels.DatagramChannel",
                "java.nio.channels.AsynchronousSocketChannel", "java.nio.channels.AsynchronousServerSocketChannel",
                "java.nio.channels.NetworkChannel", "java.nio.channels.MulticastChannel");
        b.packageTree("java.nio.channels.spi", hard(Capability.NETWORK, NETWORK));
    }

    private static void outside(ApiPolicy.Builder b) {
        for (String network : new String[] {"java.net", "javax.net", "jdk.net", "com.sun.net", "java.rmi", "javax.rmi",
                "javax.naming", "javax.management.remote", "java.sql", "javax.sql", "org.w3c", "org.xml",
                "jdk.httpserver", "sun.net"}) {
            b.packageTree(network, hard(Capability.NETWORK, NETWORK));
        }
        b.packageTree("javax.xml", hard(Capability.NETWORK,
                "XML processing fetches external entities and DTDs, and XSLT calls Java"));
        for (String dynamic : new String[] {"java.beans", "javax.tools", "javax.script", "javax.annotation.processing",
                "javax.lang.model", "jdk.jshell", "jdk.dynalink", "com.sun.source", "com.sun.tools", "jdk.javadoc",
                "jdk.nashorn", "org.openjdk.nashorn", "javax.management"}) {
            b.packageTree(dynamic, hard(Capability.DYNAMIC_CODE, DYNAMIC));
        }
        for (String management : new String[] {"com.sun.management", "jdk.management", "jdk.jfr"}) {
            b.packageTree(management, hard(Capability.ENVIRONMENT, MANAGEMENT));
        }
        for (String nativeCode : new String[] {"sun", "jdk.internal", "com.sun.jna", "jdk.incubator.foreign"}) {
            b.packageTree(nativeCode, hard(Capability.NATIVE, NATIVE));
        }
        b.packageTree("java.awt", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.type("java.awt.Desktop", hard(Capability.PROCESS, "opens files and links with the host's programs"));
        b.packageTree("javax.print", hard(Capability.PROCESS, "printing runs the host's print programs"));
        b.packageTree("java.security", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.type("java.security.SecureRandom", soft(Capability.CLOCK_OR_UNSEEDED_RANDOMNESS, UNSEEDED));
    }

    /**
     * DJL, which the script runtime puts on a script's class path for training: tensors, layers, losses, optimisers
     * and the trainer. Not its downloads (model zoo, repositories), its file helpers or its utilities.
     */
    private static void djl(ApiPolicy.Builder b) {
        b.packageTree("ai.djl", soft(Capability.UNKNOWN_API, "a part of DJL outside tensors, layers and training"));
        for (String allowed : new String[] {"ai.djl.ndarray", "ai.djl.nn", "ai.djl.training", "ai.djl.translate",
                "ai.djl.inference", "ai.djl.metric"}) {
            b.packageTree(allowed, ALLOW);
        }
        b.packageTree("ai.djl.training.util", soft(Capability.UNKNOWN_API, UNKNOWN));
        b.packageTree("ai.djl.training.listener", soft(Capability.FILES, "training listeners write logs and files"));
        b.type("ai.djl.training.util.DownloadUtils", hard(Capability.NETWORK, NETWORK));
        b.packageTree("ai.djl.repository", hard(Capability.NETWORK, "DJL repositories download models and data"));
        b.types(ALLOW, "ai.djl.Device", "ai.djl.MalformedModelException", "ai.djl.TrainingDivergedException",
                "ai.djl.engine.EngineException", "ai.djl.util.PairList", "ai.djl.util.Pair");
        b.type("ai.djl.Model", ALLOW).member(soft(Capability.FILES, FILES), "load", "save", "getModelPath",
                "getArtifact", "getArtifactAsStream", "getArtifactNames");
        b.type("ai.djl.engine.Engine", ALLOW).member(soft(Capability.ENVIRONMENT, HOST), "debugEnvironment");
    }
}
