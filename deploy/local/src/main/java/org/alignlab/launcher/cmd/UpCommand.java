package org.alignlab.launcher.cmd;

import java.util.concurrent.Callable;
import org.alignlab.launcher.Stack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts PostgreSQL, Kafka and every service (what is not running yet) and waits until all are ready.")
public class UpCommand implements Callable<Integer> {

    @Mixin
    RunDirOption runDir;

    @Override
    public Integer call() throws Exception {
        Stack.up(runDir.options());
        return 0;
    }
}
