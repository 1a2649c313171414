package org.alignlab.sandbox.bubblewrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CgroupHierarchyTest {

    private static final List<String> MOUNTINFO = List.of(
            "31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755",
            "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct",
            "35 31 0:32 /kubepods/pod1 /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory",
            "39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids",
            "40 31 0:37 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw");

    @Test
    void joinsEachControllersMountWithThisProcesssPathBelowTheMountRoot() {
        List<String> cgroup = List.of("8:pids:/", "4:memory:/kubepods/pod1/executor", "2:cpu,cpuacct:/runner",
                "0::/");

        CgroupHierarchy hierarchy = CgroupHierarchy.parse(MOUNTINFO, cgroup).orElseThrow();

        assertThat(hierarchy.directory("pids")).isEqualTo(Path.of("/sys/fs/cgroup/pids"));
        // The memory hierarchy is mounted from /kubepods/pod1 (a cgroup namespace): only the rest is appended.
        assertThat(hierarchy.directory("memory")).isEqualTo(Path.of("/sys/fs/cgroup/memory/executor"));
        assertThat(hierarchy.directory("cpu")).isEqualTo(Path.of("/sys/fs/cgroup/cpu,cpuacct/runner"));
    }

    @Test
    void isAbsentWhenAControllerIsMissingAsUnderCgroupV2Only() {
        List<String> v2Only = List.of("0::/user.slice");

        assertThat(CgroupHierarchy.parse(MOUNTINFO, v2Only)).isEmpty();
        assertThat(CgroupHierarchy.parse(List.of(MOUNTINFO.get(4)), List.of("0::/"))).isEmpty();
    }
}
