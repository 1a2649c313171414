package org.alignlab.inference.djl;

import ai.djl.Device;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.alignlab.inference.engine.ModelLoadException;

/**
 * Turns the configured device into a DJL {@link Device}. {@code auto} takes the first GPU when PyTorch sees one: a
 * CUDA build of libtorch ({@code PYTORCH_FLAVOR=cu128}) on a GPU node. With the CPU build it sees none.
 */
final class DeviceChoice {

    static final String AUTO = "auto";
    static final String CPU = "cpu";
    static final String GPU = "gpu";

    private DeviceChoice() {
    }

    static Device resolve(String configured, IntSupplier gpuCount) {
        String choice = configured.strip().toLowerCase(Locale.ROOT);
        if (AUTO.equals(choice)) {
            return gpuCount.getAsInt() > 0 ? Device.gpu() : Device.cpu();
        }
        if (CPU.equals(choice)) {
            return Device.cpu();
        }
        if (GPU.equals(choice) || choice.startsWith(GPU + ":")) {
            int index = GPU.equals(choice) ? 0 : Integer.parseInt(choice.substring(GPU.length() + 1));
            int present = gpuCount.getAsInt();
            if (index >= present) {
                throw new ModelLoadException("device " + configured + " is configured but PyTorch sees " + present
                        + " GPU(s): a CPU build of libtorch sees none (set PYTORCH_FLAVOR=cu128 for CUDA)");
            }
            return Device.gpu(index);
        }
        throw new ModelLoadException("unknown device " + configured + "; use auto, cpu, gpu or gpu:N");
    }
}
