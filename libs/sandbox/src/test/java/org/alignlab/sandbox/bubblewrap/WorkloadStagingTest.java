package org.alignlab.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadStagingTest {

    @Test
    void stagedFilesAreReachableEvenWhenTheCheckoutIsClosedToOthers(@TempDir Path tmp) throws Exception {
        Path checkout = Files.createDirectories(tmp.resolve("closed/checkout/target"));
        Files.writeString(checkout.resolve("experiments.jar"), "jar");
        Files.createDirectories(checkout.resolve("lib"));
        Files.writeString(checkout.resolve("lib/dep.jar"), "dep");
        Path cache = Files.createDirectories(tmp.resolve("closed/cache/pytorch/2.7.1"));
        Files.writeString(cache.resolve("libtorch.so"), "so");
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(tmp.resolve("closed"), PosixFilePermissions.fromString("rwx------"));

        WorkloadStaging.Staged staged = WorkloadStaging.stage(tmp.resolve("work"),
                checkout.resolve("experiments.jar"), tmp.resolve("closed/cache"));

        assertThat(staged.experimentsJar()).hasContent("jar");
        assertThat(staged.experimentsJar().resolveSibling("lib/dep.jar")).hasContent("dep");
        Path stagedLib = staged.djlCacheDir().resolve("pytorch/2.7.1/libtorch.so");
        assertThat(stagedLib).hasContent("so");
        for (Path p = stagedLib.getParent(); !p.equals(tmp); p = p.getParent()) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                    .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        }
        assertThat(Files.getPosixFilePermissions(stagedLib)).contains(PosixFilePermission.OTHERS_READ);
        assertThat(Files.isSameFile(stagedLib, cache.resolve("libtorch.so"))).as("hard-linked, not copied").isTrue();

        staged.delete();
        assertThat(staged.root()).doesNotExist();
        assertThat(cache.resolve("libtorch.so")).as("the original survives").exists();
    }
}
