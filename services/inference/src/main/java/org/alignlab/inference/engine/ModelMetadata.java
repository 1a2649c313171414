package org.alignlab.inference.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.alignlab.inference.features.FeatureSpec;

/**
 * What serving needs from a model folder's {@code metadata.json}. The file carries more (how the model was trained
 * and evaluated); serving ignores that.
 *
 * @param task    {@value #TEXT_CLASSIFICATION} is the only task served today; other folders are listed, not loaded
 * @param labels  the classes, in the order of the network's outputs
 * @param weights the parameter file, relative to the folder
 * @param version the first 12 hex digits of the SHA-256 of the weights file, as training wrote them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelMetadata(
        String name,
        String task,
        String engine,
        List<String> labels,
        String weights,
        String version,
        FeatureSpec features,
        NetworkSpec network) {

    public static final String FILE_NAME = "metadata.json";
    public static final String TEXT_CLASSIFICATION = "text-classification";
}
