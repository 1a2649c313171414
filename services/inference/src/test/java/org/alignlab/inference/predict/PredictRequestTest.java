package org.alignlab.inference.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.inference.engine.DType;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.engine.TensorSpec;
import org.junit.jupiter.api.Test;

class PredictRequestTest {

    /** Two inputs, both batched: {@code x float32 [n, 2]} and {@code ids int64 [n, 3]}. */
    private static final ModelSignature SIGNATURE = new ModelSignature(
            List.of(new TensorSpec("x", DType.FLOAT32, new long[] {-1, 2}),
                    new TensorSpec("ids", DType.INT64, new long[] {-1, 3})),
            List.of(new TensorSpec("y", DType.FLOAT32, new long[] {-1, 1})));

    @Test
    void readsTheInputsInTheModelsOrderWhateverTheirOrderInTheBody() {
        List<Tensor> tensors = PredictRequest.read(
                """
                        {"inputs": [{"name": "ids", "dtype": "int64", "shape": [2, 3], "data": [1, 2, 3, 4, 5, 9007199254740993]},
                                    {"name": "x", "dtype": "float32", "shape": [2, 2], "data": [0.5, 1, -2, 3e2]}]}""",
                SIGNATURE, 100);

        assertThat(tensors).extracting(Tensor::name).containsExactly("x", "ids");
        assertThat((float[]) tensors.get(0).data()).containsExactly(0.5f, 1f, -2f, 300f);
        assertThat((long[]) tensors.get(1).data()).containsExactly(1, 2, 3, 4, 5, 9007199254740993L);
        assertThat(tensors.get(1).shape()).containsExactly(2, 3);
    }

    @Test
    void everyMismatchNamesItsField() {
        String ids = "{\"name\": \"ids\", \"dtype\": \"int64\", \"shape\": [1, 3], \"data\": [1, 2, 3]}";
        assertField("", "body");
        assertField("[]", "body");
        assertField("{\"inputs\": [], \"extra\": 1}", "extra");
        assertField("{\"input\": []}", "input");
        assertField("{\"inputs\": {}}", "inputs");
        assertField("{\"inputs\": [" + ids + "]}", "inputs");
        assertField(body("\"name\": \"z\", \"dtype\": \"float32\", \"shape\": [1, 2], \"data\": [1, 2]", ids),
                "inputs[0].name");
        assertField(body("\"name\": \"x\", \"dtype\": \"float64\", \"shape\": [1, 2], \"data\": [1, 2]", ids),
                "inputs[0].dtype");
        assertField(body("\"name\": \"x\", \"dtype\": \"bfloat7\", \"shape\": [1, 2], \"data\": [1, 2]", ids),
                "inputs[0].dtype");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1, 3], \"data\": [1, 2, 3]", ids),
                "inputs[0].shape");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [2], \"data\": [1, 2]", ids),
                "inputs[0].shape");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [0, 2], \"data\": []", ids),
                "inputs[0].shape");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [2, 2], \"data\": [1, 2, 3, 4]", ids),
                "inputs[1].shape");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1, 2], \"data\": [1]", ids),
                "inputs[0].data");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1, 2], \"data\": [1, \"2\"]", ids),
                "inputs[0].data[1]");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1, 2], \"data\": [1, 2], \"unit\": 1",
                ids), "inputs[0].unit");
        assertField(body("\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1, 2], \"data\": [1, 2]",
                "{\"name\": \"ids\", \"dtype\": \"int64\", \"shape\": [1, 3], \"data\": [1, 2.5, 3]}"),
                "inputs[1].data[1]");
        assertField(body("\"name\": \"ids\", \"dtype\": \"int64\", \"shape\": [1, 3], \"data\": [1, 2, 3]", ids),
                "inputs[1].name");
    }

    @Test
    void aRequestOverTheElementLimitIsRefusedBeforeItsDataIsRead() {
        assertThatThrownBy(() -> PredictRequest.read(body(
                "\"name\": \"x\", \"dtype\": \"float32\", \"shape\": [1000000, 2], \"data\": []",
                "{\"name\": \"ids\", \"dtype\": \"int64\", \"shape\": [1, 3], \"data\": [1, 2, 3]}"), SIGNATURE, 100))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("inputs[0].data"))
                .hasMessageContaining("100 elements");
    }

    private static String body(String firstFields, String second) {
        return "{\"inputs\": [{" + firstFields + "}, " + second + "]}";
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> PredictRequest.read(body, SIGNATURE, 1000))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).as(body).isEqualTo(field));
    }
}
