package org.alignlab.experiments;

import com.sun.jna.Library;
import com.sun.jna.Native;
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

    /**
     * Set by the sandbox: end the process with the C library's {@code _exit} once a run succeeded, skipping PyTorch's
     * native teardown. See {@link #exitSkippingNativeTeardown}.
     */
    public static final String SKIP_NATIVE_TEARDOWN = "alignlab.runner.skip-native-teardown";

    private FamiliesMain() {
    }

    public static void main(String[] args) {
        Runner.useOneTorchThreadUnlessTold();
        int code = new Runner(builtIn(), System.err).run(args);
        // Only after a success: then the engine is loaded and its teardown is what an exit costs. A refused spec never
        // loaded it (nor JNA), and after a failure stderr's last line, which the executor reports, must be the reason.
        if (code == Runner.OK && Boolean.getBoolean(SKIP_NATIVE_TEARDOWN)) {
            exitSkippingNativeTeardown(code);
        }
        System.exit(code);
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

    /**
     * Ends the process at once with {@code code}. An ordinary exit ({@code System.exit}, and {@code Runtime.halt}
     * too, which still calls the C library's {@code exit}) runs the native libraries' static destructors: PyTorch's
     * took about 0.1–0.15 s of every sandboxed run (issue 16). By now everything the executor reads is complete:
     * {@code out.json} was written and closed, the exit code is this one, and stdout and stderr are flushed here
     * (what is in a pipe survives the process). What is skipped are the JVM's shutdown hooks (none of the runner's;
     * the run's temporary files are in the sandbox's tmpfs) and whatever the JVM itself writes at exit, so a run that
     * asks the JVM for an exit-time file must leave the property unset. JNA is DJL's and already loaded; should
     * calling {@code _exit} fail, the caller exits as usual.
     */
    static void exitSkippingNativeTeardown(int code) {
        System.out.flush();
        System.err.flush();
        try {
            Native.load("c", CLibrary.class)._exit(code);
        } catch (LinkageError | RuntimeException e) {
            System.err.println("exiting the ordinary way: " + e);
        }
    }

    /** The one C library call. */
    interface CLibrary extends Library {
        void _exit(int status);
    }
}
