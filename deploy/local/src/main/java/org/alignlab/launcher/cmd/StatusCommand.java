package org.alignlab.launcher.cmd;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.alignlab.launcher.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each component's pid, whether it is alive and whether it is ready. Exits 0 when all are.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    RunDirOption runDir;

    @Override
    public Integer call() {
        Stack stack = runDir.stack();
        PrintStream out = stack.options().out();
        out.printf("%-16s %-8s %-6s %s%n", "COMPONENT", "PID", "ALIVE", "READY");
        boolean allReady = true;
        for (Stack.StatusRow row : stack.status()) {
            out.printf("%-16s %-8s %-6s %s%n", row.component(), row.pid() == null ? "-" : row.pid(),
                    row.alive() ? "yes" : "no", row.ready() ? "yes" : "no");
            allReady &= row.ready();
        }
        return allReady ? 0 : 1;
    }
}
