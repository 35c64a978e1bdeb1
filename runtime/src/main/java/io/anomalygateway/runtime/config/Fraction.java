package io.anomalygateway.runtime.config;

import jakarta.validation.Constraint;
import jakarta.validation.OverridesAttribute;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting in (0, 1]: a share of a budget or of a core; without {@code includingOne}, in (0, 1): a probability
 * or a significance level. One annotation instead of the same two bounds on every such setting.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ReportAsSingleViolation
@DecimalMin(value = "0", inclusive = false)
@DecimalMax(value = "1")
public @interface Fraction {

  /** @return whether 1 itself is allowed (a share), as opposed to refused (a probability) */
  @OverridesAttribute(constraint = DecimalMax.class, name = "inclusive")
  boolean includingOne() default true;

  /** @return the message of a value out of bounds */
  String message() default "must be above 0 and at most 1";

  /** @return the validation groups (none) */
  Class<?>[] groups() default {};

  /** @return the payload (none) */
  Class<? extends Payload>[] payload() default {};
}
