package org.alignlab.launcher;

import com.sun.security.auth.module.UnixSystem;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The executor refuses to run experiments without a sandbox, so a stack without bubblewrap would accept goals
 * and never finish one: make sure it is there first.
 */
public final class Bubblewrap {

    public static final String INSTALL_HINT = "Install bubblewrap: sudo apt-get install -y bubblewrap";

    private final PrintStream out;

    public Bubblewrap(PrintStream out) {
        this.out = out;
    }

    public void ensureInstalled() {
        if (onPath("bwrap")) {
            return;
        }
        if (new UnixSystem().getUid() != 0) {
            throw new LauncherException(INSTALL_HINT);
        }
        out.println("bubblewrap is missing; installing it: apt-get update -qq && apt-get install -y -qq bubblewrap");
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", "bubblewrap"));
        if (!onPath("bwrap")) {
            throw new LauncherException("bubblewrap installed but bwrap is still not on PATH");
        }
    }

    static boolean onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            int exit = builder.start().waitFor();
            if (exit != 0) {
                throw new LauncherException(String.join(" ", command) + " failed (exit " + exit + "); " + INSTALL_HINT);
            }
        } catch (IOException e) {
            throw new LauncherException("cannot run " + command.get(0) + ": " + e.getMessage() + "; " + INSTALL_HINT,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while installing bubblewrap");
        }
    }
}
