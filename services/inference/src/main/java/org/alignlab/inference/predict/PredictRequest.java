package org.alignlab.inference.predict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alignlab.contracts.problem.InvalidRequestException;
import org.alignlab.inference.engine.DType;
import org.alignlab.inference.engine.ModelSignature;
import org.alignlab.inference.engine.Tensor;
import org.alignlab.inference.engine.TensorSpec;
import org.alignlab.inference.http.SingleFieldBody;

/**
 * The body of a prediction, read by hand against the model's signature so that every mismatch becomes a 400 naming
 * the exact field ({@code inputs[0].shape}, {@code inputs[1].data[7]}):
 * <pre>{"inputs": [{"name": "x", "dtype": "float32", "shape": [2, 4], "data": [8 numbers, row-major]}]}</pre>
 * Every input of the model once, by name, in any order; for a batched model the first dimension is the number of
 * rows, the same for every input.
 */
final class PredictRequest {

    static final String INPUTS = "inputs";
    private static final Set<String> TENSOR_FIELDS = Set.of("name", "dtype", "shape", "data");

    private PredictRequest() {
    }

    /** The request's tensors in the order of the signature's inputs. */
    static List<Tensor> read(String body, ModelSignature signature, int maxElements) {
        JsonNode inputs = inputs(body);
        if (inputs.size() != signature.inputs().size()) {
            throw new InvalidRequestException(INPUTS, "the model takes " + signature.inputs().size() + " input(s) "
                    + names(signature.inputs()) + ", got " + inputs.size());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < signature.inputs().size(); i++) {
            index.put(signature.inputs().get(i).name(), i);
        }
        Tensor[] tensors = new Tensor[signature.inputs().size()];
        long elements = 0;
        Long rows = null;
        for (int i = 0; i < inputs.size(); i++) {
            String field = INPUTS + "[" + i + "]";
            JsonNode input = inputs.get(i);
            if (!input.isObject()) {
                throw new InvalidRequestException(field, "must be an object {name, dtype, shape, data}");
            }
            for (Iterator<String> names = input.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!TENSOR_FIELDS.contains(name)) {
                    throw new InvalidRequestException(field + "." + name, "unknown field");
                }
            }
            String name = text(input, field + ".name");
            Integer position = index.get(name);
            if (position == null) {
                throw new InvalidRequestException(field + ".name", "the model has no input '" + name + "'; it takes "
                        + names(signature.inputs()));
            }
            if (tensors[position] != null) {
                throw new InvalidRequestException(field + ".name", "input '" + name + "' is given twice");
            }
            TensorSpec spec = signature.inputs().get(position);
            DType dtype = dtype(input, field + ".dtype", spec);
            long[] shape = shape(input.get("shape"), field + ".shape", spec);
            if (spec.batched()) {
                if (rows != null && rows != shape[0]) {
                    throw new InvalidRequestException(field + ".shape", "has " + shape[0] + " rows, the inputs "
                            + "before it " + rows + ": every input needs the same number of rows");
                }
                rows = shape[0];
            }
            long count = elements(shape, field + ".shape");
            elements += count;
            if (elements > maxElements) {
                throw new InvalidRequestException(field + ".data", "the inputs hold more than " + maxElements
                        + " elements in all");
            }
            tensors[position] = new Tensor(name, dtype, shape, data(input.get("data"), field + ".data", dtype, shape,
                    (int) count));
        }
        return Arrays.asList(tensors);
    }

    private static JsonNode inputs(String body) {
        JsonNode inputs = SingleFieldBody.read(body, INPUTS, "{\"inputs\": [...]}");
        if (inputs == null || !inputs.isArray()) {
            throw new InvalidRequestException(INPUTS, "is required: an array of tensors {name, dtype, shape, data}");
        }
        return inputs;
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field.substring(field.lastIndexOf('.') + 1));
        if (value == null || !value.isTextual()) {
            throw new InvalidRequestException(field, "is required and must be a string");
        }
        return value.asText();
    }

    private static DType dtype(JsonNode input, String field, TensorSpec spec) {
        String label = text(input, field);
        DType dtype;
        try {
            dtype = DType.of(label);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "unknown dtype '" + label + "'; known: " + DType.known());
        }
        if (dtype != spec.dtype()) {
            throw new InvalidRequestException(field, "input '" + spec.name() + "' is " + spec.dtype().label()
                    + ", got " + dtype.label());
        }
        return dtype;
    }

    private static long[] shape(JsonNode shape, String field, TensorSpec spec) {
        String expected = "input '" + spec.name() + "' has shape " + spec.describeShape();
        if (shape == null || !shape.isArray()) {
            throw new InvalidRequestException(field, "is required: an array of dimensions; " + expected);
        }
        if (shape.size() != spec.shape().length) {
            throw new InvalidRequestException(field, "has " + shape.size() + " dimensions; " + expected);
        }
        long[] dimensions = new long[shape.size()];
        for (int d = 0; d < shape.size(); d++) {
            JsonNode dimension = shape.get(d);
            if (!dimension.canConvertToExactIntegral() || !dimension.canConvertToLong() || dimension.asLong() < 1) {
                throw new InvalidRequestException(field, "dimension " + d + " must be a positive integer; " + expected);
            }
            dimensions[d] = dimension.asLong();
            if (spec.shape()[d] != TensorSpec.ANY && spec.shape()[d] != dimensions[d]) {
                throw new InvalidRequestException(field, "dimension " + d + " is " + dimensions[d] + "; " + expected);
            }
        }
        return dimensions;
    }

    private static long elements(long[] shape, String field) {
        try {
            return Tensor.elements(shape);
        } catch (ArithmeticException e) {
            throw new InvalidRequestException(field, "holds more elements than any request may");
        }
    }

    private static Object data(JsonNode data, String field, DType dtype, long[] shape, int count) {
        if (data == null || !data.isArray()) {
            throw new InvalidRequestException(field, "is required: a flat array of numbers in row-major order");
        }
        if (data.size() != count) {
            throw new InvalidRequestException(field, "has " + data.size() + " values; shape "
                    + Arrays.toString(shape) + " needs " + count);
        }
        Object values = dtype.allocate(count);
        for (int j = 0; j < count; j++) {
            JsonNode value = data.get(j);
            if (!value.isNumber()) {
                throw new InvalidRequestException(field + "[" + j + "]", "must be a number");
            }
            if (dtype.integral() && !value.canConvertToExactIntegral()) {
                throw new InvalidRequestException(field + "[" + j + "]", "must be an integer for " + dtype.label());
            }
            switch (dtype) {
                case FLOAT32 -> ((float[]) values)[j] = value.floatValue();
                case FLOAT64 -> ((double[]) values)[j] = value.doubleValue();
                case INT32 -> {
                    if (!value.canConvertToInt()) {
                        throw new InvalidRequestException(field + "[" + j + "]", "is out of range for int32");
                    }
                    ((int[]) values)[j] = value.intValue();
                }
                case INT64 -> {
                    if (!value.canConvertToLong()) {
                        throw new InvalidRequestException(field + "[" + j + "]", "is out of range for int64");
                    }
                    ((long[]) values)[j] = value.longValue();
                }
            }
        }
        return values;
    }

    private static List<String> names(List<TensorSpec> specs) {
        List<String> names = new ArrayList<>();
        specs.forEach(spec -> names.add(spec.name() + " " + spec.dtype().label() + spec.describeShape()));
        return names;
    }
}
