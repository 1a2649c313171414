package org.alignlab.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alignlab.experiments.overopt.RewardOveroptimization;
import org.alignlab.experiments.probe.LinearProbing;
import org.alignlab.experiments.script.ScriptFamily;
import org.alignlab.experiments.w2s.WeakToStrong;

/** The families the runner knows, by name. */
public final class Families {

    private final Map<String, ExperimentFamily> byName = new TreeMap<>();

    public Families(List<ExperimentFamily> families) {
        for (ExperimentFamily family : families) {
            if (byName.putIfAbsent(family.name(), family) != null) {
                throw new IllegalArgumentException("two families named " + family.name());
            }
        }
    }

    /** Every family shipped in this jar; scripts compile under the working directory (the sandbox's tmpfs). */
    public static Families builtIn() {
        return builtIn(Path.of(System.getProperty("user.dir")));
    }

    /** Every family shipped in this jar, scripts compiling under {@code workDir}. */
    public static Families builtIn(Path workDir) {
        return new Families(List.of(new WeakToStrong(), new RewardOveroptimization(), new LinearProbing(),
                new ScriptFamily(workDir)));
    }

    public Optional<ExperimentFamily> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
