package org.alignlab.platform.messaging;

/**
 * Marks an exception that says a dependency is unavailable for now (the monitor, the trusted model, a sandbox
 * backend): the consumer failure policy retries a record that failed with it for as long as it takes, and never
 * dead-letters it.
 */
public interface TransientFailure {
}
