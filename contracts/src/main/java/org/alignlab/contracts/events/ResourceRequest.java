package org.alignlab.contracts.events;

/** The compute an experiment asks for; the sandbox enforces it as a hard limit. */
public record ResourceRequest(int cpuSeconds, int memoryMb, int wallSeconds) {
}
