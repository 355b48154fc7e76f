package io.inkwell.common.security;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.inkwell.common.validation.Limits;

/**
 * A new password that is not one of the {@link CommonPasswords}. {@code null} is valid, and so is a
 * password too short to be accepted anyway: {@code @Size} says what is wrong with it.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = NotCommonPassword.Validator.class)
public @interface NotCommonPassword {

    String message() default "is one of the most common passwords; choose one that is harder to guess";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NotCommonPassword, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.length() < Limits.PASSWORD_MIN || !CommonPasswords.contains(value);
        }
    }
}
