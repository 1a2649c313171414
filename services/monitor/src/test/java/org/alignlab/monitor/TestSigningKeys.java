package org.alignlab.monitor;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.util.Map;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.OriginSigner;

/**
 * Throwaway key pairs, made fresh for each test run; never a key from the repository: the monitor's own, and the
 * executor's, whose private half the tests sign audit events with as the executor would.
 */
public class TestSigningKeys implements QuarkusTestResourceLifecycleManager {

    static final KeyPair EXECUTOR = Ed25519.generate();
    static final OriginSigner EXECUTOR_SIGNER = new OriginSigner(EXECUTOR.getPrivate(), EXECUTOR.getPublic());

    @Override
    public Map<String, String> start() {
        KeyPair pair = Ed25519.generate();
        return Map.of(
                "alignlab.monitor.signing-key", Ed25519.encodePrivate(pair.getPrivate()),
                "alignlab.monitor.signing-public-key", Ed25519.encodePublic(pair.getPublic()),
                "alignlab.monitor.executor-public-key", Ed25519.encodePublic(EXECUTOR.getPublic()));
    }

    @Override
    public void stop() {
        // nothing held
    }
}
