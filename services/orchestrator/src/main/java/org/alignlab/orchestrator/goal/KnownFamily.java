package org.alignlab.orchestrator.goal;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The value names one of {@code alignlab.orchestrator.families}; null is left to {@code @NotNull}. */
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = KnownFamilyValidator.class)
public @interface KnownFamily {

    String message() default "unknown experiment family";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
