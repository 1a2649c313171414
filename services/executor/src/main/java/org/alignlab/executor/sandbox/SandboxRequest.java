package org.alignlab.executor.sandbox;

import org.alignlab.contracts.events.ResourceRequest;

/**
 * One run of the experiments runner.
 *
 * @param label    names the run in logs and in the work directory (the action id)
 * @param specJson the {@code ExperimentSpec} the runner reads from {@code /work/spec.json}
 * @param limits   enforced as hard limits: CPU seconds, heap, wall clock
 */
public record SandboxRequest(String label, String specJson, ResourceRequest limits) {
}
