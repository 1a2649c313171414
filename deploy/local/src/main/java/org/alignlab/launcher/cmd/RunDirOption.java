package org.alignlab.launcher.cmd;

import java.nio.file.Path;
import org.alignlab.launcher.Stack;
import org.alignlab.launcher.StackOptions;
import picocli.CommandLine.Option;

/** {@code --run-dir}, shared by every subcommand, and the stack it designates. */
public class RunDirOption {

    @Option(names = "--run-dir", paramLabel = "DIR",
            description = "Where logs, pids, data and keys live (default: $ALIGNLAB_RUN_DIR or deploy/local/.run).")
    Path runDir;

    StackOptions options() {
        return StackOptions.fromEnvironment(System.getenv(), runDir);
    }

    Stack stack() {
        return Stack.of(options());
    }
}
