package org.alignlab.sandbox;

import org.alignlab.contracts.events.ExperimentSpec;
import org.alignlab.contracts.events.ResourceRequest;
import org.alignlab.contracts.json.Json;

/**
 * One run of the experiments runner.
 *
 * @param label    names the run in logs and in the work directory (the action id)
 * @param specJson the {@code ExperimentSpec} the runner reads from {@code /work/spec.json}
 * @param limits   enforced as hard limits: CPU seconds, heap, wall clock
 * @param runtime  which runner jar the sandbox shows: an agent's script never sees the families' code
 */
public record SandboxRequest(String label, String specJson, ResourceRequest limits, RunnerRuntime runtime) {

    /** The request for a spec: its own limits, and the script runtime for the {@code script} family. */
    public static SandboxRequest forSpec(String label, ExperimentSpec spec) {
        return new SandboxRequest(label, Json.write(spec), spec.resources(), RunnerRuntime.forFamily(spec.family()));
    }
}
