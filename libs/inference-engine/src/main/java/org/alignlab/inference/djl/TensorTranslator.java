package org.alignlab.inference.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;
import org.alignlab.inference.engine.DType;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.engine.TensorSpec;

/**
 * Our tensors in, our tensors out, named after the model's declared outputs. The batch dimension is already part
 * of every tensor, so DJL's own batchifier stays out of it. A text classifier's network ends in logits; for it the
 * translator applies the softmax over the last dimension.
 */
final class TensorTranslator implements NoBatchifyTranslator<List<Tensor>, List<Tensor>> {

    private final List<TensorSpec> outputs;
    private final boolean softmax;

    TensorTranslator(List<TensorSpec> outputs, boolean softmax) {
        this.outputs = List.copyOf(outputs);
        this.softmax = softmax;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, List<Tensor> inputs) {
        NDManager manager = ctx.getNDManager();
        NDList list = new NDList(inputs.size());
        for (Tensor tensor : inputs) {
            // Unnamed on purpose: DJL reads names such as "a.b" or "x[]" as dict and list inputs of TorchScript.
            Shape shape = new Shape(tensor.shape());
            NDArray array = switch (tensor.dtype()) {
                case FLOAT32 -> manager.create((float[]) tensor.data(), shape);
                case FLOAT64 -> manager.create((double[]) tensor.data(), shape);
                case INT32 -> manager.create((int[]) tensor.data(), shape);
                case INT64 -> manager.create((long[]) tensor.data(), shape);
            };
            list.add(array);
        }
        return list;
    }

    @Override
    public List<Tensor> processOutput(TranslatorContext ctx, NDList list) {
        if (list.size() != outputs.size()) {
            throw new IllegalStateException("the model gave " + list.size() + " outputs, its metadata declares "
                    + outputs.size());
        }
        List<Tensor> tensors = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            TensorSpec spec = outputs.get(i);
            NDArray array = softmax ? list.get(i).softmax(-1) : list.get(i);
            NDArray typed = array.getDataType() == dataType(spec.dtype()) ? array : array.toType(
                    dataType(spec.dtype()), false);
            long[] shape = typed.getShape().getShape();
            Object data = switch (spec.dtype()) {
                case FLOAT32 -> typed.toFloatArray();
                case FLOAT64 -> typed.toDoubleArray();
                case INT32 -> typed.toIntArray();
                case INT64 -> typed.toLongArray();
            };
            tensors.add(new Tensor(spec.name(), spec.dtype(), shape, data));
        }
        return tensors;
    }

    private static DataType dataType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT64 -> DataType.FLOAT64;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
        };
    }
}
