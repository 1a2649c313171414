package org.alignlab.chaos;

import java.time.Duration;

/** Sleeping that keeps the interrupt for the caller to see. */
final class Pause {

    private Pause() {
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
