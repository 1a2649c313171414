package org.alignlab.monitor;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.util.Map;
import org.alignlab.contracts.crypto.Ed25519;

/** A throwaway ticket-signing key pair, made fresh for each test run; never a key from the repository. */
public class TestSigningKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeyPair pair = Ed25519.generate();
        return Map.of(
                "alignlab.monitor.signing-key", Ed25519.encodePrivate(pair.getPrivate()),
                "alignlab.monitor.signing-public-key", Ed25519.encodePublic(pair.getPublic()));
    }

    @Override
    public void stop() {
        // nothing held
    }
}
