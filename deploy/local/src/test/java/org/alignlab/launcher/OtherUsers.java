package org.alignlab.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/** What other users (the sandbox's uid among them) can reach, for tests of the modes the launcher sets. */
final class OtherUsers {

    private OtherUsers() {
    }

    /**
     * The first directory on the way to {@code path} (or {@code path} itself) that other users cannot enter or
     * read, if any: the sandbox, running as such a user, would not find it.
     */
    static Optional<Path> hiddenFromOthers(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue;
            }
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(p);
            PosixFilePermission needed = Files.isDirectory(p) ? PosixFilePermission.OTHERS_EXECUTE
                    : PosixFilePermission.OTHERS_READ;
            if (!modes.contains(needed)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
