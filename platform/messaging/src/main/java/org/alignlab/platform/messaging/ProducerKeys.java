package org.alignlab.platform.messaging;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * {@code alignlab.keys.*}: the public keys of the services whose events only they may produce. A service that
 * consumes verdicts needs the monitor's, one that consumes results the executor's; without it such an event is never
 * believed (see {@link EventAuthenticity}).
 */
@ConfigMapping(prefix = "alignlab.keys")
public interface ProducerKeys {

    /** The monitor's Ed25519 public key, Base64 X.509: verdicts must be signed with it. */
    Optional<String> monitorPublicKey();

    /** The executor's Ed25519 public key, Base64 X.509: results must be signed with it. */
    Optional<String> executorPublicKey();
}
