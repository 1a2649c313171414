package org.alignlab.contracts.events;

/** What an execution actually consumed. */
public record ResourceUsage(double cpuSeconds, long maxRssMb) {
}
