package org.alignlab.monitor.scoring.capabilities;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the JDK calls that build strings and paths return, for arguments {@link ValueTracer} has traced: string
 * methods, builders, Base64, and path and file navigation. Paths are kept as their text. A call it cannot fold (an
 * argument it needs is not known) gives nothing, and the tracer makes a hole of it.
 */
final class KnownCalls {

    /** Where relative paths and {@code user.dir} point in the sandbox. */
    static final String WORK_DIR = "/work";
    static final String TEMP_DIR = "/tmp";

    private KnownCalls() {
    }

    /**
     * @param receiver the receiver's value, null for a static method or a constructor
     * @param owner    the declaring type's qualified name
     * @param name     the method name, {@code <init>} for a constructor
     * @param params   the erased parameter types
     */
    static Optional<Text> fold(String owner, String name, List<String> params, Text receiver, List<Text> args) {
        try {
            return Optional.ofNullable(switch (owner) {
                case "java.lang.String" -> string(name, params, receiver, args);
                case "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.AbstractStringBuilder" ->
                    builder(name, params, receiver, args);
                case "java.lang.Character", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
                        "java.lang.Float", "java.lang.Boolean", "java.lang.Short", "java.lang.Byte" ->
                    (name.equals("toString") || name.equals("valueOf")) && args.size() == 1 && receiver == null
                            ? args.get(0) : null;
                case "java.util.Base64.Decoder" -> name.equals("decode") && params.equals(List.of("java.lang.String"))
                        ? args.get(0).value().map(KnownCalls::base64).orElse(null) : null;
                case "java.lang.System" -> property(name, args);
                case "java.nio.file.Path", "java.nio.file.Paths", "java.nio.file.FileSystem" ->
                    path(name, receiver, args);
                case "java.io.File" -> file(name, params, receiver, args);
                case "java.nio.file.Files" -> files(name, params, args);
                default -> null;
            });
        } catch (RuntimeException e) {
            // substring past the end, a bad Base64 payload: the script would throw; the value is unknown.
            return Optional.empty();
        }
    }

    private static Text string(String name, List<String> params, Text receiver, List<Text> args) {
        if (receiver == null) {
            return switch (name) {
                case "valueOf", "copyValueOf" -> args.size() == 1 ? args.get(0) : null;
                case "<init>" -> args.isEmpty() ? Text.known("") : args.size() == 1 || params.size() == 2
                        && params.get(1).startsWith("java.nio.charset") ? args.get(0) : null;
                default -> null;
            };
        }
        if (name.equals("concat")) {
            return receiver.concat(args.get(0));
        }
        if (name.equals("toString") || name.equals("intern")) {
            return receiver;
        }
        Optional<String> value = receiver.value();
        if (value.isEmpty() || args.stream().anyMatch(arg -> arg.value().isEmpty())) {
            return null;
        }
        String s = value.get();
        List<String> a = args.stream().map(arg -> arg.value().orElseThrow()).toList();
        return switch (name) {
            case "trim" -> Text.known(s.trim());
            case "strip" -> Text.known(s.strip());
            case "toLowerCase" -> Text.known(s.toLowerCase(Locale.ROOT));
            case "toUpperCase" -> Text.known(s.toUpperCase(Locale.ROOT));
            case "replace" -> Text.known(s.replace(a.get(0), a.get(1)));
            case "substring" -> Text.known(a.size() == 1 ? s.substring(Integer.parseInt(a.get(0)))
                    : s.substring(Integer.parseInt(a.get(0)), Integer.parseInt(a.get(1))));
            case "repeat" -> Integer.parseInt(a.get(0)) * s.length() <= Text.MAX_LENGTH
                    ? Text.known(s.repeat(Integer.parseInt(a.get(0)))) : null;
            case "charAt" -> Text.known(String.valueOf(s.charAt(Integer.parseInt(a.get(0)))));
            default -> null;
        };
    }

    private static Text builder(String name, List<String> params, Text receiver, List<Text> args) {
        if (name.equals("<init>")) {
            return args.isEmpty() || params.equals(List.of("int")) ? Text.known("") : args.get(0);
        }
        return switch (name) {
            case "append" -> args.size() == 1 ? receiver.concat(args.get(0)) : null;
            case "toString" -> receiver;
            case "reverse" -> receiver.value().map(s -> Text.known(new StringBuilder(s).reverse().toString()))
                    .orElse(null);
            case "insert" -> args.size() == 2 && args.get(0).value().filter("0"::equals).isPresent()
                    ? args.get(1).concat(receiver) : null;
            default -> null;
        };
    }

    private static Text base64(String encoded) {
        return Text.known(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.ISO_8859_1));
    }

    /** The two properties whose value the sandbox fixes, so paths built from them can be judged. */
    private static Text property(String name, List<Text> args) {
        if (!name.equals("getProperty") || args.isEmpty()) {
            return null;
        }
        return switch (args.get(0).value().orElse("")) {
            case "user.dir" -> Text.known(WORK_DIR);
            case "java.io.tmpdir" -> Text.known(TEMP_DIR);
            default -> null;
        };
    }

    private static Text path(String name, Text receiver, List<Text> args) {
        if (receiver == null || name.equals("getPath")) {
            // Path.of, Paths.get and FileSystem.getPath join their parts with the separator.
            return (name.equals("of") || name.equals("get") || name.equals("getPath")) && !args.isEmpty()
                    ? join(args) : null;
        }
        return switch (name) {
            case "resolve" -> resolve(receiver, args.get(0));
            case "resolveSibling" -> parent(receiver).map(parent -> resolve(parent, args.get(0))).orElse(null);
            case "getParent" -> parent(receiver).orElse(null);
            case "getRoot" -> Text.known("/");
            case "getFileName" -> lastSegment(receiver).orElse(null);
            case "normalize", "toAbsolutePath", "toRealPath", "toFile", "toString" -> receiver;
            default -> null;
        };
    }

    private static Text file(String name, List<String> params, Text receiver, List<Text> args) {
        if (name.equals("<init>")) {
            if (params.equals(List.of("java.lang.String"))) {
                return args.get(0);
            }
            return params.size() == 2 && params.get(1).equals("java.lang.String") ? resolve(args.get(0), args.get(1))
                    : null;
        }
        if (name.equals("createTempFile")) {
            return args.size() == 3 ? resolve(args.get(2), Text.FREE) : temporary();
        }
        return switch (name) {
            case "toPath", "getAbsoluteFile", "getCanonicalFile", "getPath", "getAbsolutePath", "getCanonicalPath",
                    "toString" ->
                receiver;
            case "getParentFile", "getParent" -> parent(receiver).orElse(null);
            case "getName" -> lastSegment(receiver).orElse(null);
            default -> null;
        };
    }

    /** Files.createTemp* make a name in their directory (or the temp dir); the other Path-returning calls return their first argument. */
    private static Text files(String name, List<String> params, List<Text> args) {
        boolean inDirectory = !params.isEmpty() && params.get(0).equals("java.nio.file.Path");
        if (name.startsWith("createTemp")) {
            return inDirectory ? resolve(args.get(0), Text.FREE) : temporary();
        }
        return inDirectory && !args.isEmpty() ? args.get(0) : null;
    }

    private static Text temporary() {
        return Text.known(TEMP_DIR + "/").concat(Text.FREE);
    }

    private static Text join(List<Text> parts) {
        Text joined = parts.get(0);
        for (Text part : parts.subList(1, parts.size())) {
            joined = joined.concat(Text.known("/")).concat(part);
        }
        return joined;
    }

    /** {@code base.resolve(other)}: other when it is absolute, else base/other. */
    static Text resolve(Text base, Text other) {
        if (other.knownPrefix().startsWith("/")) {
            return other;
        }
        if (other.value().filter(String::isEmpty).isPresent()) {
            return base;
        }
        // An unknown start may be absolute: the joined text keeps that hole first, so it is judged unknown.
        return other.parts().get(0) instanceof Text.Hole hole && hole.free() ? other : base.concat(Text.known("/"))
                .concat(other);
    }

    /** The text up to its last separator, when no free hole could hide a later one. */
    static Optional<Text> parent(Text path) {
        if (path.hasFreeHole()) {
            return Optional.empty();
        }
        String shown = path.display();
        String trimmed = shown.endsWith("/") && shown.length() > 1 ? shown.substring(0, shown.length() - 1) : shown;
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String parent = slash == 0 ? "/" : trimmed.substring(0, slash);
        return parent.contains("…") ? Optional.empty() : Optional.of(Text.known(parent));
    }

    private static Optional<Text> lastSegment(Text path) {
        return path.value().map(p -> {
            String trimmed = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
            return Text.known(trimmed.substring(trimmed.lastIndexOf('/') + 1));
        });
    }
}
