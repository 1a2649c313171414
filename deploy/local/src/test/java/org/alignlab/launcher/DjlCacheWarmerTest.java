package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlCacheWarmerTest {

    @Test
    void opensAPrivatelyUnpackedLibraryToTheSandboxUser(@TempDir Path cache) throws IOException {
        // What DJL leaves behind: a version directory from createTempDirectory, mode 700.
        Path version = Files.createDirectories(cache.resolve("pytorch"))
                .resolve("2.7.1-cpu-linux-x86_64");
        Files.createDirectory(version,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path library = Files.writeString(version.resolve("libtorch_cpu.so"), "elf");
        Files.setPosixFilePermissions(library, PosixFilePermissions.fromString("rw-------"));

        DjlCacheWarmer.openToOthers(cache);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(version))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).isEqualTo("rw-r--r--");
        assertThat(OtherUsers.hiddenFromOthers(library)).isEmpty();
    }

    @Test
    void aWarmCacheIsNotWarmedAgain(@TempDir Path dir) throws IOException {
        Path cache = Files.createDirectories(dir.resolve("djl-cache/pytorch")).getParent();
        // A jar that does not exist: warming would fail, so success means it was skipped.
        boolean warm = new DjlCacheWarmer(System.out).warm(dir.resolve("missing.jar"), cache, dir.resolve("warm.log"));

        assertThat(warm).isTrue();
        assertThat(dir.resolve("warm.log")).doesNotExist();
    }
}
