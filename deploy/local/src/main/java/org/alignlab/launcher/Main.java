package org.alignlab.launcher;

import org.alignlab.launcher.cmd.AlignLabCommand;
import picocli.CommandLine;

/** {@code alignlab up|demo|down|status|logs}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** A launcher failure is the user's to act on: print its message alone, exit 1. */
    static CommandLine commandLine() {
        return new CommandLine(new AlignLabCommand())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof LauncherException) {
                        cmd.getErr().println(e.getMessage());
                        return 1;
                    }
                    throw e;
                });
    }
}
