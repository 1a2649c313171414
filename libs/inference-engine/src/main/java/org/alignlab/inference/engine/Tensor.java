package org.alignlab.inference.engine;

import java.lang.reflect.Array;
import java.util.Arrays;

/**
 * A named tensor: its element type, its shape, and its elements flat in row-major order. {@code data} is the
 * {@link DType#arrayType()} of {@code dtype} ({@code float[]} for float32, ...), with exactly as many elements as the
 * shape holds. The arrays are not copied: a tensor is built once and then only read.
 */
public record Tensor(String name, DType dtype, long[] shape, Object data) {

    public Tensor {
        if (!dtype.arrayType().isInstance(data)) {
            throw new IllegalArgumentException("tensor " + name + " is " + dtype.label() + " but holds "
                    + data.getClass().getSimpleName());
        }
        long elements = elements(shape);
        if (elements != Array.getLength(data)) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " needs "
                    + elements + " elements, has " + Array.getLength(data));
        }
    }

    public static Tensor float32(String name, long[] shape, float[] data) {
        return new Tensor(name, DType.FLOAT32, shape, data);
    }

    /** Rows along the first dimension: the batch dimension of a batchable model. */
    public int rows() {
        return shape.length == 0 ? 1 : Math.toIntExact(shape[0]);
    }

    /** Elements in one row: the product of every dimension but the first. */
    public int rowElements() {
        return shape.length == 0 ? 1 : Math.toIntExact(elements(Arrays.copyOfRange(shape, 1, shape.length)));
    }

    /** Elements a shape holds; throws when a dimension is negative or the product overflows. */
    public static long elements(long[] shape) {
        long product = 1;
        for (long dimension : shape) {
            if (dimension < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            product = Math.multiplyExact(product, dimension);
        }
        return product;
    }

    @Override
    public String toString() {
        return name + ":" + dtype.label() + Arrays.toString(shape);
    }
}
