package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirTest {

    @TempDir
    Path dir;

    @Test
    void theSandboxCanReachTheDjlCacheButNobodyElseTheKeys() throws IOException {
        Path root = Files.createDirectory(dir.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        RunDir run = new RunDir(root);

        run.create();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.root()))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.djlCache()))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.keys()))).isEqualTo("rwx------");
        assertThat(OtherUsers.hiddenFromOthers(run.djlCache())).isEmpty();
        assertThat(OtherUsers.hiddenFromOthers(run.keys().resolve("monitor-signing.key"))).contains(run.keys());
    }

    @Test
    void namesTheDirectoryThatHidesAPath() throws IOException {
        Path closed = Files.createDirectory(dir.resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = Files.writeString(Files.createDirectories(closed.resolve("a/b")).resolve("x.jar"), "jar");

        assertThat(OtherUsers.hiddenFromOthers(file)).contains(closed);
    }
}
