package org.alignlab.inference.engine;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.alignlab.inference.features.FeatureSpec;

/**
 * What serving needs from a model folder's {@code metadata.json}. The file carries more (how the model was trained
 * and evaluated); serving ignores that.
 *
 * @param task    {@value #TEXT_CLASSIFICATION} (a DJL parameter file of a {@link NetworkSpec} network over hashed
 *                text features) or {@value #TENSORS} (a TorchScript {@code .pt} file, tensors in and out); folders of
 *                any other task are listed, not loaded
 * @param labels  text classification: the classes, in the order of the network's outputs
 * @param weights the weights file, relative to the folder
 * @param version the first 12 hex digits of the SHA-256 of the weights file, as training wrote them (optional)
 * @param inputs  tensors: what the model takes, in the order of its forward method's arguments
 * @param outputs tensors: what it gives, in order (one, or the elements of a returned tuple)
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
        NetworkSpec network,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs) {

    public static final String FILE_NAME = "metadata.json";
    public static final String TEXT_CLASSIFICATION = "text-classification";
    public static final String TENSORS = "tensors";
    /** The text classifier's one input: a batch of feature vectors. */
    public static final String FEATURES = "features";
    /** The text classifier's one output: a batch of label probabilities. */
    public static final String PROBABILITIES = "probabilities";

    /** Metadata of a text classifier, as training writes it. */
    public static ModelMetadata textClassifier(String name, String engine, List<String> labels, String weights,
            String version, FeatureSpec features, NetworkSpec network) {
        return new ModelMetadata(name, TEXT_CLASSIFICATION, engine, labels, weights, version, features, network,
                null, null);
    }

    /**
     * What the model takes and gives. A text classifier's is fixed by its features and labels: float32
     * {@code features [n, dimension]} in, float32 {@code probabilities [n, labels]} out.
     */
    public ModelSignature signature() {
        if (TEXT_CLASSIFICATION.equals(task)) {
            return new ModelSignature(
                    List.of(new TensorSpec(FEATURES, DType.FLOAT32, new long[] {TensorSpec.ANY, features.dimension()})),
                    List.of(new TensorSpec(PROBABILITIES, DType.FLOAT32, new long[] {TensorSpec.ANY, labels.size()})));
        }
        return new ModelSignature(inputs, outputs);
    }
}
