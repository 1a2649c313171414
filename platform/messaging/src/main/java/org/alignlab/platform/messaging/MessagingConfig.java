package org.alignlab.platform.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code alignlab.messaging.*}: how the consumer failure policy retries. */
@ConfigMapping(prefix = "alignlab.messaging")
public interface MessagingConfig {

    /** Attempts a record gets for a failure that is neither poison nor transient before it is dead-lettered. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each failure up to {@link #maxBackoff()}. */
    @WithDefault("PT0.5S")
    Duration firstBackoff();

    @WithDefault("PT30S")
    Duration maxBackoff();
}
