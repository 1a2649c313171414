package org.alignlab.inference.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alignlab.inference.engine.LoadedModel;
import org.alignlab.inference.engine.ModelEngine;
import org.alignlab.inference.engine.ModelLoadException;
import org.alignlab.inference.engine.ModelMetadata;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.engine.TensorSpec;

/**
 * Loads models into DJL's PyTorch engine: DJL parameter files into the network their metadata describes, and
 * TorchScript files as they are. Every model of one engine runs on the same device, chosen once.
 */
public class DjlModelEngine implements ModelEngine {

    public static final String ENGINE = "PyTorch";

    /** DJL names parameter files {@code <prefix>-<epoch>.params} and finds them by prefix and epoch. */
    private static final Pattern DJL_PARAMS = Pattern.compile("(.+)-(\\d{4})\\.params");
    /** DJL finds a TorchScript file as {@code <prefix>.pt} in the model folder. */
    private static final Pattern TORCHSCRIPT = Pattern.compile("([^/]+)\\.pt");

    private final int predictors;
    private final Duration predictorWait;
    private final String configuredDevice;
    /** Resolved on the first load, on the loading thread: asking PyTorch for its GPUs starts the native engine. */
    private Device device;

    /**
     * @param predictors    forward passes of one model that may run at once (a DJL predictor is not thread-safe)
     * @param predictorWait how long a forward pass waits for a free predictor before it is refused as busy
     * @param device        {@code auto} (a GPU when PyTorch sees one, else the CPU), {@code cpu}, or {@code gpu}
     *                      ({@code gpu:N} for the N-th); a GPU asked for but not present fails every load
     */
    public DjlModelEngine(int predictors, Duration predictorWait, String device) {
        this.predictors = predictors;
        this.predictorWait = Objects.requireNonNull(predictorWait, "predictorWait");
        this.configuredDevice = Objects.requireNonNull(device, "device");
    }

    @Override
    public synchronized String device() {
        return device == null ? configuredDevice : device.toString();
    }

    private synchronized Device resolvedDevice() {
        if (device == null) {
            device = DeviceChoice.resolve(configuredDevice, () -> Engine.getEngine(ENGINE).getGpuCount());
        }
        return device;
    }

    @Override
    public LoadedModel load(Path folder, ModelMetadata metadata) {
        if (!ENGINE.equals(metadata.engine())) {
            throw new ModelLoadException("engine " + metadata.engine() + " is not served; only " + ENGINE);
        }
        ModelSignature signature = signature(folder, metadata);
        boolean classifier = ModelMetadata.TEXT_CLASSIFICATION.equals(metadata.task());
        Matcher weights = (classifier ? DJL_PARAMS : TORCHSCRIPT).matcher(metadata.weights());
        if (!weights.matches() || !Files.isRegularFile(folder.resolve(metadata.weights()))) {
            throw new ModelLoadException("weights " + metadata.weights() + " must be "
                    + (classifier ? "a DJL parameter file <name>-<epoch>.params" : "a TorchScript file <name>.pt")
                    + " in " + folder);
        }
        Model model = Model.newInstance(metadata.name(), resolvedDevice(), ENGINE);
        DjlLoadedModel loaded = null;
        try {
            if (classifier) {
                model.setBlock(Networks.block(metadata.network()));
                model.load(folder, weights.group(1), Map.of("epoch", Integer.parseInt(weights.group(2))));
            } else {
                // No block set: DJL loads <prefix>.pt as TorchScript, its tensors mapped onto the model's device.
                model.load(folder, weights.group(1), Map.of("mapLocation", "true"));
            }
            loaded = new DjlLoadedModel(model, signature, new PredictorPool<>(model,
                    new TensorTranslator(signature.outputs(), classifier), predictors, predictorWait));
            smokeTest(loaded, metadata);
            return loaded;
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (loaded != null) {
                loaded.close();
            } else {
                model.close();
            }
            throw e instanceof ModelLoadException known ? known
                    : new ModelLoadException("cannot load " + metadata.weights() + ": " + e.getMessage(), e);
        }
    }

    private static ModelSignature signature(Path folder, ModelMetadata metadata) {
        try {
            return metadata.signature();
        } catch (RuntimeException e) {
            throw new ModelLoadException(folder + "/" + ModelMetadata.FILE_NAME + " declares no usable inputs and "
                    + "outputs: " + e.getMessage(), e);
        }
    }

    /**
     * DJL takes parameter shapes from the file, not from the block, and TorchScript declares no shapes at all, so
     * weights of another shape load silently. One forward pass on zeros of the declared inputs proves they fit and
     * give the declared outputs.
     */
    private static void smokeTest(DjlLoadedModel loaded, ModelMetadata metadata) {
        ModelSignature signature = loaded.signature();
        List<Tensor> zeros = new ArrayList<>();
        for (TensorSpec input : signature.inputs()) {
            long[] shape = input.withRows(1);
            zeros.add(new Tensor(input.name(), input.dtype(), shape,
                    input.dtype().allocate(Math.toIntExact(Tensor.elements(shape)))));
        }
        List<Tensor> outputs;
        try {
            outputs = loaded.forward(zeros);
        } catch (RuntimeException e) {
            throw new ModelLoadException("weights " + metadata.weights() + " do not fit the declared inputs "
                    + describe(signature.inputs()) + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < outputs.size(); i++) {
            TensorSpec declared = signature.outputs().get(i);
            if (!Arrays.equals(outputs.get(i).shape(), declared.withRows(1))) {
                throw new ModelLoadException("weights " + metadata.weights() + " give " + declared.name() + " of shape "
                        + Arrays.toString(outputs.get(i).shape()) + " for one row, metadata declares "
                        + declared.describeShape());
            }
        }
    }

    private static String describe(List<TensorSpec> specs) {
        return specs.stream().map(spec -> spec.name() + " " + spec.dtype().label() + spec.describeShape()).toList()
                .toString();
    }
}
