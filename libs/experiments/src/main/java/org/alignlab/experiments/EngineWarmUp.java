package org.alignlab.experiments;

import ai.djl.engine.Engine;

/**
 * Starts the PyTorch engine once so DJL unpacks its native library into {@code DJL_CACHE_DIR}. Sandboxes mount that
 * cache read-only, so the launcher (or an image build) runs this outside any sandbox first. It runs no experiment.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {
    }

    public static void main(String[] args) {
        Engine engine = Engine.getEngine("PyTorch");
        System.out.println("PyTorch " + engine.getVersion() + " ready in " + System.getenv("DJL_CACHE_DIR"));
    }
}
