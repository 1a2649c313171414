package org.alignlab.experiments;

import java.nio.file.Path;
import java.util.List;
import org.alignlab.experiments.overopt.RewardOveroptimization;
import org.alignlab.experiments.probe.LinearProbing;
import org.alignlab.experiments.script.ScriptFamily;
import org.alignlab.experiments.w2s.WeakToStrong;

/**
 * The families' runner: every family shipped in this module. The script runtime jar leaves this class and the family
 * packages out (see {@code script.ScriptMain}), so it is the only place that names them all.
 */
public final class FamiliesMain {

    private FamiliesMain() {
    }

    public static void main(String[] args) {
        Runner.useOneTorchThreadUnlessTold();
        System.exit(new Runner(builtIn(), System.err).run(args));
    }

    /** Every family; scripts compile under the working directory (the sandbox's tmpfs). */
    public static Families builtIn() {
        return builtIn(Path.of(System.getProperty("user.dir")));
    }

    /** Every family, scripts compiling under {@code workDir}. */
    public static Families builtIn(Path workDir) {
        return new Families(List.of(new WeakToStrong(), new RewardOveroptimization(), new LinearProbing(),
                new ScriptFamily(workDir)));
    }
}
