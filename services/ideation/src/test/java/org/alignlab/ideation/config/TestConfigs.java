package org.alignlab.ideation.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;

/** An {@link IdeationConfig} from properties, mapped exactly as Quarkus maps it, for unit tests. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static IdeationConfig ideation(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(IdeationConfig.class)
                // Quarkus' own converter, so "60s" reads as it does in the application.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(IdeationConfig.class);
    }
}
