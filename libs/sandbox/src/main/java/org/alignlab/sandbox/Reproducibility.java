package org.alignlab.sandbox;

/**
 * What a runner's environment must hold for a run to give the same numbers each time on the same machine, which the
 * re-execution audit relies on. PyTorch's CPU build does its matrix products in Intel MKL, and MKL without its
 * conditional numerical reproducibility mode ({@code MKL_CBWR} unset) promises nothing from one run to the next: a
 * held-out replication of reward-overoptimization run again under heavy load gave one of its ten seeds a different
 * proxy model (gold peak 0.03 at n = 2, then 0.35 at n = 8), while quiet runs of the same spec agreed to the bit.
 * {@code AUTO,STRICT} keeps MKL's fastest path for this CPU and makes it bitwise reproducible regardless of memory
 * alignment. A run on another CPU may still differ in the last digits (the audit's relative tolerance).
 */
public final class Reproducibility {

    public static final String MKL_CBWR = "MKL_CBWR";
    public static final String MKL_CBWR_MODE = "AUTO,STRICT";

    private Reproducibility() {
    }
}
