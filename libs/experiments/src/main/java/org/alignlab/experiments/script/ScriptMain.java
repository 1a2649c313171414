package org.alignlab.experiments.script;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import org.alignlab.experiments.Families;
import org.alignlab.experiments.Runner;

/**
 * The script runtime's entry point: the same runner, knowing only the {@code script} family. Its jar
 * ({@code experiments-V-script-runtime.jar}) is built without the other families' packages, and the sandbox shows a
 * script only that jar, so a script cannot load the code that generates a family's held-out split.
 */
public final class ScriptMain {

    private ScriptMain() {
    }

    public static void main(String[] args) {
        Runner.useOneTorchThreadUnlessTold();
        // The runner's native libraries load now, before any script code runs and the guard refuses them.
        Engine.getInstance();
        NativeCodeGuard.install();
        Families scriptOnly = new Families(List.of(new ScriptFamily(Path.of(System.getProperty("user.dir")))));
        System.exit(new Runner(scriptOnly, System.err).run(args));
    }
}
