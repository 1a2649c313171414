package org.alignlab.sandbox;

/**
 * What a runner's environment must hold for a run to give the same numbers each time on the same machine, which the
 * re-execution audit relies on. PyTorch's CPU build does its matrix products in Intel MKL, whose results may depend
 * on memory alignment unless its conditional numerical reproducibility mode is on, and tensors made from Java
 * buffers are aligned however the C allocator left them. {@code AUTO,STRICT} keeps MKL's fastest path for this CPU
 * and makes it bitwise reproducible regardless of alignment. It was set for runs that did not reproduce under load;
 * their cause turned out to be a use-after-free in DJL's {@code L2Loss} (see the experiments module's
 * {@code SquaredErrorLoss}), but alignment still varies, so the mode stays. A run on another CPU may still differ in
 * the last digits (the audit's relative tolerance).
 */
public final class Reproducibility {

    public static final String MKL_CBWR = "MKL_CBWR";
    public static final String MKL_CBWR_MODE = "AUTO,STRICT";

    private Reproducibility() {
    }
}
