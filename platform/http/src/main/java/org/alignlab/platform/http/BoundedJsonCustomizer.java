package org.alignlab.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.alignlab.contracts.json.JsonLimits;

/**
 * Every request body every service reads is bounded as the events are: no control character in any string or key,
 * no number a consumer cannot represent, no nesting past {@value JsonLimits#MAX_DEPTH} levels, no duplicate key, no
 * trailing content (contracts' {@link JsonLimits}). A violation is a 400 naming the field, before any resource
 * method runs, so an unsafe value never reaches PostgreSQL (which refuses NUL) or a hash.
 */
@Singleton
public class BoundedJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        JsonLimits.applyTo(mapper);
    }
}
