package io.testtrack.auth.api.validation;

import io.testtrack.auth.domain.PasswordPolicy;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password must satisfy {@link PasswordPolicy}; the message says which rule it breaks. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = AcceptablePassword.Validator.class)
public @interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AcceptablePassword, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            if (password == null) {
                return true; // @NotNull reports absence
            }
            return PasswordPolicy.violation(password).map(problem -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
                return false;
            }).orElse(true);
        }
    }
}
