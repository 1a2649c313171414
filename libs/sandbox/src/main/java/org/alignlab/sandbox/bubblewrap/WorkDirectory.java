package org.alignlab.sandbox.bubblewrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.alignlab.sandbox.RunnerLimits;
import org.jboss.logging.Logger;

/**
 * A run's fresh host directory. Inside it, {@code work/} is bound read-write at {@code /work} (spec.json going in,
 * out.json coming out) and, where the host lets it ({@link #tmpfsUnusable}), {@code tmp/} at {@code /tmp}; the
 * seccomp filter waits beside them, outside anything the sandbox sees. Where it can, the run's files live in one
 * tmpfs mounted over {@code fs/} with a size and an inode limit ({@link RunnerLimits.WorkDir}), {@code noexec},
 * {@code nosuid} and {@code nodev}: a run cannot fill the host's disk or its inode table, nor load a library or run a
 * program it wrote. Everything in it after the run is the workload's, so it is read defensively; closing unmounts
 * and deletes it.
 */
final class WorkDirectory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkDirectory.class);
    private static final long MOUNT_WAIT_SECONDS = 10;

    private final Path runDir;
    private final Path path;
    private final Path tmp;
    private final Path mountPoint;

    /** What the workload left as its output: the content, or why there is none. */
    record Output(String content, String problem) {
    }

    private WorkDirectory(Path runDir, Path path, Path tmp, Path mountPoint) {
        this.runDir = runDir;
        this.path = path;
        this.tmp = tmp;
        this.mountPoint = mountPoint;
    }

    /**
     * @param forSandboxUser hand the directories to uid 65534, which bwrap runs as when the executor is root
     * @param tmpfs          the limits of the run's own tmpfs, or null to use a plain host directory (no tmpfs here)
     */
    static WorkDirectory create(Path root, String label, boolean forSandboxUser, RunnerLimits.WorkDir tmpfs)
            throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            // Traversable but not listable: the sandbox user must reach its own directory, and see no other.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        }
        Path runDir = Files.createTempDirectory(root, label.replaceAll("[^A-Za-z0-9-]", "_") + "-");
        Files.setPosixFilePermissions(runDir, PosixFilePermissions.fromString("rwx--x--x"));
        if (tmpfs == null) {
            Path work = Files.createDirectory(runDir.resolve("work"));
            if (forSandboxUser) {
                handToSandboxUser(work);
            }
            return new WorkDirectory(runDir, work, null, null);
        }
        Path fs = Files.createDirectory(runDir.resolve("fs"));
        WorkDirectory dir = new WorkDirectory(runDir, fs.resolve("work"), fs.resolve("tmp"), fs);
        try {
            mount(fs, tmpfs);
            Files.createDirectory(dir.path);
            Files.createDirectory(dir.tmp);
            if (forSandboxUser) {
                handToSandboxUser(dir.path);
                handToSandboxUser(dir.tmp);
            }
            return dir;
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Why this host cannot give runs their own tmpfs (not root, no CAP_SYS_ADMIN), or empty when it can. */
    static Optional<String> tmpfsUnusable(Path root, boolean forSandboxUser) {
        if (!HostLayout.runningAsRoot()) {
            return Optional.of("not running as root, so runs cannot get their own size- and inode-limited tmpfs");
        }
        try (WorkDirectory probe = create(root, "tmpfs-probe", forSandboxUser, RunnerLimits.WorkDir.DEFAULT)) {
            Files.writeString(probe.path.resolve("probe"), "probe");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot mount a tmpfs for a run: " + e.getMessage());
        }
    }

    private static void mount(Path fs, RunnerLimits.WorkDir limits) throws IOException {
        run(List.of("mount", "-t", "tmpfs", "-o", "size=" + limits.maxBytes() + ",nr_inodes=" + limits.maxFiles()
                + ",mode=0755,noexec,nosuid,nodev", "alignlab-run", fs.toString()));
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(MOUNT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + output);
        }
    }

    private static void handToSandboxUser(Path dir) throws IOException {
        int uid = Integer.parseInt(BwrapCommand.SANDBOX_UID);
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", uid);
    }

    /** Bound at {@code /work}. */
    Path path() {
        return path;
    }

    /** Bound at {@code /tmp}; empty when the run has no tmpfs of its own and bwrap makes one. */
    Optional<Path> tmp() {
        return Optional.ofNullable(tmp);
    }

    /** Writes the seccomp program beside the work directory, where the sandbox cannot see or change it. */
    Path writeSeccompFilter(byte[] program) throws IOException {
        return Files.write(runDir.resolve("seccomp.bpf"), program);
    }

    void writeSpec(String specJson) throws IOException {
        Files.writeString(path.resolve(BwrapCommand.SPEC_FILE), specJson, StandardCharsets.UTF_8);
    }

    /** Writes a further input file into {@code /work}, by its plain name. */
    void write(String name, String content) throws IOException {
        if (!name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        Files.writeString(path.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Reads out.json without following links (the workload could plant one to a host file), size-capped. */
    Output readOutput(int maxBytes) {
        Path out = path.resolve(BwrapCommand.OUT_FILE);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(out, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Output(null, "the runner wrote no " + BwrapCommand.OUT_FILE);
        } catch (IOException e) {
            return new Output(null, "cannot read " + BwrapCommand.OUT_FILE + ": " + e.getMessage());
        }
        if (!attributes.isRegularFile()) {
            return new Output(null, BwrapCommand.OUT_FILE + " is not a regular file");
        }
        if (attributes.size() > maxBytes) {
            return new Output(null, BwrapCommand.OUT_FILE + " is " + attributes.size() + " bytes, over the limit of "
                    + maxBytes);
        }
        try (InputStream in = Files.newInputStream(out, LinkOption.NOFOLLOW_LINKS)) {
            return new Output(new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            return new Output(null, "cannot read " + BwrapCommand.OUT_FILE + ": " + e.getMessage());
        }
    }

    /**
     * Unmounts the run's tmpfs (lazily if something still holds it: the memory is freed once it is let go), then
     * deletes what is left without following the workload's links, reopening directories it locked first.
     */
    @Override
    public void close() {
        if (mountPoint != null) {
            try {
                run(List.of("umount", mountPoint.toString()));
            } catch (IOException busy) {
                try {
                    run(List.of("umount", "-l", mountPoint.toString()));
                } catch (IOException e) {
                    LOG.warnf("cannot unmount sandbox tmpfs %s: %s", mountPoint, e.getMessage());
                    return;
                }
            }
        }
        try {
            Files.walkFileTree(runDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warnf("cannot delete sandbox work directory %s: %s", runDir, e.getMessage());
        }
    }
}
