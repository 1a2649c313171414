package org.alignlab.inference.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The element types a tensor may carry over HTTP, named as in PyTorch and NumPy. */
public enum DType {
    FLOAT32("float32", float[].class),
    FLOAT64("float64", double[].class),
    INT32("int32", int[].class),
    INT64("int64", long[].class);

    private final String label;
    private final Class<?> arrayType;

    DType(String label, Class<?> arrayType) {
        this.label = label;
        this.arrayType = arrayType;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public boolean integral() {
        return this == INT32 || this == INT64;
    }

    /** The Java array type that holds this type's elements: {@code float[]} for float32, and so on. */
    public Class<?> arrayType() {
        return arrayType;
    }

    /** A zeroed array of {@code length} elements of this type. */
    public Object allocate(int length) {
        return switch (this) {
            case FLOAT32 -> new float[length];
            case FLOAT64 -> new double[length];
            case INT32 -> new int[length];
            case INT64 -> new long[length];
        };
    }

    @JsonCreator
    public static DType of(String label) {
        for (DType type : values()) {
            if (type.label.equals(label == null ? null : label.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown dtype " + label + "; known: " + known());
    }

    public static String known() {
        return Arrays.stream(values()).map(DType::label).collect(Collectors.joining(", "));
    }
}
