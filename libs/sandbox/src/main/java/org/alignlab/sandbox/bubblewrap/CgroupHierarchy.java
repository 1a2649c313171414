package org.alignlab.sandbox.bubblewrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where this process's cgroup v1 directories are, per controller: the controller's mount point joined with the
 * process's own path in that hierarchy. Sandboxes get child cgroups here, so an operator who caps the executor's
 * cgroup caps every sandbox too. Parsed from {@code /proc/self/mountinfo} and {@code /proc/self/cgroup}; cgroup v2
 * (one unified hierarchy) is not handled and reads as unavailable.
 */
record CgroupHierarchy(Map<String, Path> ownDirectoryByController) {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    /** This process's hierarchy; empty when a controller is missing. */
    static Optional<CgroupHierarchy> ofThisProcess() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")),
                    Files.readAllLines(Path.of("/proc/self/cgroup")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param mountinfo lines like {@code 35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory}
     * @param cgroup    lines like {@code 4:memory:/process_api/78ab}
     */
    static Optional<CgroupHierarchy> parse(List<String> mountinfo, List<String> cgroup) {
        Map<String, String[]> mountByController = new HashMap<>();
        for (String line : mountinfo) {
            String[] halves = line.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] before = halves[0].split(" ");
            String[] after = halves[1].split(" ");
            if (before.length < 5 || after.length < 3 || !after[0].equals("cgroup")) {
                continue;
            }
            for (String option : after[2].split(",")) {
                mountByController.put(option, new String[] {before[3], before[4]});
            }
        }
        Map<String, Path> own = new HashMap<>();
        for (String line : cgroup) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            for (String controller : fields[1].split(",")) {
                String[] mount = mountByController.get(controller);
                if (mount == null || !CONTROLLERS.contains(controller)) {
                    continue;
                }
                String root = mount[0];
                String path = fields[2];
                if (!path.startsWith(root)) {
                    continue;
                }
                String relative = path.substring(root.length()).replaceFirst("^/+", "");
                own.put(controller, relative.isEmpty() ? Path.of(mount[1]) : Path.of(mount[1], relative));
            }
        }
        return own.keySet().containsAll(CONTROLLERS) ? Optional.of(new CgroupHierarchy(Map.copyOf(own)))
                : Optional.empty();
    }

    Path directory(String controller) {
        return ownDirectoryByController.get(controller);
    }
}
