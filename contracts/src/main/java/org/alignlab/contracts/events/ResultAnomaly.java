package org.alignlab.contracts.events;

import java.util.UUID;

/**
 * One result far outside the distribution of earlier runs of its configuration (same family, effective params,
 * split and code version; other seeds), as review compared it: the run's median seed against the per-seed values of
 * the earlier runs. A review covering such a result is held for a human (flag {@code result-anomalous}).
 *
 * @param actionId      the action whose result is anomalous
 * @param metric        the metric compared
 * @param value         the run's median per-seed value of the metric
 * @param historyMedian the median of the earlier runs' per-seed values
 * @param historySpread their robust standard deviation: 1.4826 × MAD, or 1.2533 × the mean absolute deviation when
 *                      the MAD is 0; 0 when every earlier value is the same
 * @param historyRuns   how many earlier runs were compared with
 * @param historySeeds  how many distinct seeds those runs had values for (a seed run again counts once: the families
 *                      are deterministic per seed)
 * @param robustZ       (value − historyMedian) / historySpread, capped at ±1e9; null when the spread is 0 (then any
 *                      value beyond the relative tolerance is anomalous)
 */
public record ResultAnomaly(
        UUID actionId,
        String metric,
        double value,
        double historyMedian,
        double historySpread,
        int historyRuns,
        int historySeeds,
        Double robustZ) {
}
