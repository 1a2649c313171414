package org.alignlab.experiments;

import ai.djl.engine.Engine;
import org.alignlab.contracts.events.RunEnvironment;

/** What produced a result: this jar's version and the DJL and PyTorch versions actually loaded. */
final class RunFingerprint {

    private RunFingerprint() {
    }

    static RunEnvironment current() {
        String codeVersion = Runner.class.getPackage().getImplementationVersion();
        return new RunEnvironment(codeVersion == null ? "dev" : codeVersion, Engine.getDjlVersion(),
                Engine.getInstance().getVersion());
    }
}
