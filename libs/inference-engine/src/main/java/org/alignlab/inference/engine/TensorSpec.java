package org.alignlab.inference.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One input or output of a model: its name, element type and shape. A dimension of {@code -1} takes any size; only
 * the first may, and a {@code -1} there is the batch dimension along which requests are merged.
 */
public record TensorSpec(String name, DType dtype, long[] shape) {

    public static final long ANY = -1;

    public TensorSpec {
        Objects.requireNonNull(name, "a tensor spec needs a name");
        Objects.requireNonNull(dtype, "tensor spec " + name + " needs a dtype");
        Objects.requireNonNull(shape, "tensor spec " + name + " needs a shape");
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == ANY ? i > 0 : shape[i] < 1) {
                throw new IllegalArgumentException("tensor spec " + name + " has shape " + Arrays.toString(shape)
                        + ": dimensions are positive, only the first may be -1 (the batch)");
            }
        }
    }

    /** True when the first dimension is the batch: requests for this tensor can be stacked. */
    public boolean batched() {
        return shape.length > 0 && shape[0] == ANY;
    }

    /** The shape with the batch dimension (if any) set to {@code rows}. */
    public long[] withRows(long rows) {
        long[] concrete = shape.clone();
        if (batched()) {
            concrete[0] = rows;
        }
        return concrete;
    }

    /** The shape as a person reads it, {@code [n, 4096]} for a batch of 4096-wide rows. */
    public String describeShape() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            text.append(i > 0 ? ", " : "").append(shape[i] == ANY ? "n" : Long.toString(shape[i]));
        }
        return text.append(']').toString();
    }
}
