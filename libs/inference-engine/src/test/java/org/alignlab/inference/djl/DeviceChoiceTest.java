package org.alignlab.inference.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.alignlab.inference.engine.ModelLoadException;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {

    @Test
    void autoTakesTheFirstGpuWhenPyTorchSeesOneAndTheCpuOtherwise() {
        assertThat(DeviceChoice.resolve("auto", () -> 0)).isEqualTo(Device.cpu());
        assertThat(DeviceChoice.resolve("auto", () -> 2)).isEqualTo(Device.gpu(0));
    }

    @Test
    void aConfiguredDeviceIsTakenAsConfigured() {
        assertThat(DeviceChoice.resolve("cpu", () -> 2)).isEqualTo(Device.cpu());
        assertThat(DeviceChoice.resolve("GPU:1", () -> 2)).isEqualTo(Device.gpu(1));
    }

    @Test
    void aGpuThatIsNotThereOrAnUnknownDeviceFailsInsteadOfFallingBack() {
        assertThatThrownBy(() -> DeviceChoice.resolve("gpu", () -> 0)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("PYTORCH_FLAVOR");
        assertThatThrownBy(() -> DeviceChoice.resolve("tpu", () -> 0)).isInstanceOf(ModelLoadException.class);
    }
}
