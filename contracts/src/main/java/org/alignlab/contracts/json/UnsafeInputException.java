package org.alignlab.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value {@link UnsafeInputModule} refuses: a string or map key with a control character or an unpaired surrogate,
 * or a non-finite number. A {@link MismatchedInputException}, so Jackson adds the field's path as it unwinds
 * ({@link #getPath()}) and a service's mapper for mismatched input answers 400 naming the field;
 * {@link #getOriginalMessage()} says what is wrong without repeating the value.
 */
public class UnsafeInputException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    public UnsafeInputException(JsonParser parser, String message, Class<?> targetType) {
        super(parser, message, targetType);
    }
}
