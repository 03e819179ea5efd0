package io.testtrack.testcase.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A case's title, when given: {@link CaseRules#isTitle}. Absence is for {@code @NotNull} to report. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CaseTitle.Validator.class)
public @interface CaseTitle {

    String message() default CaseRules.TITLE_RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CaseTitle, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || CaseRules.isTitle(value);
        }
    }
}
