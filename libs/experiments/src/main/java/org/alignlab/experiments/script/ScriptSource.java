package org.alignlab.experiments.script;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.experiments.InvalidParamsException;

/**
 * A script's source and the fully qualified name of its public class. javac insists that a public class lives in a
 * file of the same name, so the name is read from the source before compiling: the first top-level
 * {@code public class}, and the {@code package} declaration if there is one.
 */
record ScriptSource(String text, String packageName, String simpleName) {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern PUBLIC_CLASS = Pattern.compile(
            "^\\s*public\\s+(?:(?:final|abstract|strictfp)\\s+)*class\\s+(\\w+)", Pattern.MULTILINE);

    /** @throws InvalidParamsException when there is no script or no public class in it */
    static ScriptSource parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidParamsException("family script needs spec.script, the Java source to run");
        }
        Matcher publicClass = PUBLIC_CLASS.matcher(text);
        if (!publicClass.find()) {
            throw new InvalidParamsException("spec.script has no public class (one must implement "
                    + Experiment.class.getName() + ")");
        }
        Matcher pkg = PACKAGE.matcher(text);
        return new ScriptSource(text, pkg.find() ? pkg.group(1) : "", publicClass.group(1));
    }

    String className() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    String fileName() {
        return simpleName + ".java";
    }
}
