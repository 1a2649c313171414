package org.alignlab.orchestrator.goal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks a family against configuration, so adding a family to ideation needs no orchestrator release. */
@ApplicationScoped
public class KnownFamilyValidator implements ConstraintValidator<KnownFamily, String> {

    @Inject
    ExperimentFamilies families;

    @Override
    public boolean isValid(String family, ConstraintValidatorContext context) {
        if (family == null || families.contains(family)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // Family names are [a-z0-9-] by contract, so they carry no message-template syntax.
        context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", families.names()))
                .addConstraintViolation();
        return false;
    }
}
