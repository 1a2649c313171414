package org.alignlab.monitor.scoring.capabilities;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.SimpleJavaFileObject;

/**
 * A script as javac's compilation unit, in memory. javac wants a public class in a file of its name, so the file is
 * named as the runner names it (the first top-level {@code public class}, as {@code ScriptSource} in the experiments
 * finds it); a script without one is still analysed, under a neutral name.
 */
final class ScriptSourceFile extends SimpleJavaFileObject {

    private static final Pattern PUBLIC_CLASS = Pattern.compile(
            "^\\s*public\\s+(?:(?:final|abstract|strictfp)\\s+)*class\\s+(\\w+)", Pattern.MULTILINE);

    private final String text;

    ScriptSourceFile(String text) {
        super(URI.create("string:///" + publicClass(text) + Kind.SOURCE.extension), Kind.SOURCE);
        this.text = text;
    }

    static String publicClass(String text) {
        Matcher match = PUBLIC_CLASS.matcher(text);
        return match.find() ? match.group(1) : "Script";
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
    }
}
