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
import org.jboss.logging.Logger;

/**
 * A run's fresh host directory, bound read-write at {@code /work}: holds spec.json going in and out.json coming
 * out, and is deleted when closed. Everything in it after the run is the workload's, so it is read defensively.
 */
final class WorkDirectory implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkDirectory.class);

    private final Path path;

    /** What the workload left as its output: the content, or why there is none. */
    record Output(String content, String problem) {
    }

    private WorkDirectory(Path path) {
        this.path = path;
    }

    /**
     * @param forSandboxUser hand the directory to uid 65534, which bwrap runs as when the executor is root
     */
    static WorkDirectory create(Path root, String label, boolean forSandboxUser) throws IOException {
        if (!Files.isDirectory(root)) {
            Files.createDirectories(root);
            // Traversable but not listable: the sandbox user must reach its own directory, and see no other.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        }
        Path dir = Files.createTempDirectory(root, label.replaceAll("[^A-Za-z0-9-]", "_") + "-");
        if (forSandboxUser) {
            int uid = Integer.parseInt(BwrapCommand.SANDBOX_UID);
            Files.setAttribute(dir, "unix:uid", uid);
            Files.setAttribute(dir, "unix:gid", uid);
        }
        return new WorkDirectory(dir);
    }

    Path path() {
        return path;
    }

    void writeSpec(String specJson) throws IOException {
        Files.writeString(path.resolve(BwrapCommand.SPEC_FILE), specJson, StandardCharsets.UTF_8);
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

    /** Deletes what the workload left, without following its links, reopening directories it locked first. */
    @Override
    public void close() {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
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
            LOG.warnf("cannot delete sandbox work directory %s: %s", path, e.getMessage());
        }
    }
}
