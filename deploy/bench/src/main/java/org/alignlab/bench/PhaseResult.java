package org.alignlab.bench;

/**
 * One phase on one path.
 *
 * @param offeredRate actions per second the sender aimed at; NaN for a burst (as fast as possible)
 * @param settledRate actions per second from the first one sent to the last one settled (verdict and ticket)
 * @param drained true when every action settled before the drain timeout
 * @param maxSendLagMs how far the paced sender fell behind its schedule at worst (its delay counts in the
 *     latency); NaN for a burst, which has no schedule
 */
record PhaseResult(String route, String phase, LatencySummary latency, double offeredRate, double settledRate,
        Delivery delivery, boolean drained, double maxSendLagMs) {
}
