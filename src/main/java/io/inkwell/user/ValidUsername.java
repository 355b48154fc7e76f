package io.inkwell.user;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.inkwell.common.validation.Limits;

/**
 * A username as {@link Usernames} defines it, judged in its normalised form. {@code null} and
 * {@code ""} are left to {@code @NotBlank} and {@code @Size}.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = ValidUsername.Validator.class)
public @interface ValidUsername {

    String message() default "is invalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidUsername, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isEmpty() || value.length() > Limits.USERNAME) {
                return true;
            }
            Optional<String> problem = Usernames.problemWith(Usernames.normalize(value));
            problem.ifPresent(message -> {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
            });
            return problem.isEmpty();
        }
    }
}
