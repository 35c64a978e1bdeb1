package io.anomalygateway.runtime.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.AssertTrue;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What is wrong with a section, told as an operator reads a configuration file: by key (never by Java name), with
 * the value as it was written, and for a rule between keys with each named key's value. One place turns Jackson's
 * binding failures and the validator's violations into {@link InvalidSettingsException}s.
 */
final class SettingsProblems {

  private SettingsProblems() {
  }

  /** @return the problem of a section that does not bind: an unknown key, or a value of the wrong kind */
  static InvalidSettingsException of(String section, JsonMappingException e) {
    String key = path(e);
    return new InvalidSettingsException(section, key.isEmpty() ? List.of() : List.of(key), describe(e));
  }

  /** @return the problem of a section whose values break their bounds or the rules between them */
  static <T> InvalidSettingsException of(String section, List<ConstraintViolation<T>> violations) {
    List<String> keys = new ArrayList<>();
    violations.forEach(v -> keys.addAll(keys(v)));
    return new InvalidSettingsException(section, keys,
        violations.stream().map(SettingsProblems::describe).collect(Collectors.joining("; ")));
  }

  private static String describe(ConstraintViolation<?> violation) {
    if (violation.getConstraintDescriptor().getAnnotation() instanceof AssertTrue) {
      return withValues(violation.getMessage(), violation.getLeafBean());
    }
    return firstKey(violation) + " (" + shown(violation.getInvalidValue()) + ") " + violation.getMessage();
  }

  /** A rule between settings names them; each name is followed by its value, so the message shows both. */
  private static String withValues(String message, Object settings) {
    String described = message;
    for (RecordComponent component : settings.getClass().getRecordComponents()) {
      String name = Settings.key(settings.getClass(), component.getName());
      try {
        Object value = component.getAccessor().invoke(settings);
        described = described.replaceAll("\\b" + name + "\\b(?! \\()", name + " (" + shown(value) + ")");
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return described;
  }

  private static String describe(JsonMappingException e) {
    String key = path(e);
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key \"" + unknown.getPropertyName() + "\"" + Suggestions.didYouMean(unknown.getPropertyName(),
          unknown.getKnownPropertyIds());
    }
    if (e instanceof InvalidFormatException invalid) {
      return key + " (" + shown(invalid.getValue()) + ") " + reason(invalid);
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return key + ": expected " + Settings.kind(mismatched.getTargetType()) + reasonSuffix(e);
    }
    return key + ": " + e.getOriginalMessage();
  }

  /** @return the keys a violation involves: a rule between keys names each of them in its message */
  private static List<String> keys(ConstraintViolation<?> violation) {
    if (violation.getConstraintDescriptor().getAnnotation() instanceof AssertTrue) {
      List<String> named = new ArrayList<>();
      for (RecordComponent component : violation.getRootBeanClass().getRecordComponents()) {
        String key = Settings.key(violation.getRootBeanClass(), component.getName());
        int at = violation.getMessage().indexOf(key);
        if (at >= 0 && (at == 0 || !Character.isLetter(violation.getMessage().charAt(at - 1))
            && violation.getMessage().charAt(at - 1) != '_')) {
          named.add(key);
        }
      }
      named.sort(Comparator.comparingInt(violation.getMessage()::indexOf));
      return named;
    }
    return List.of(firstKey(violation));
  }

  private static String firstKey(ConstraintViolation<?> violation) {
    String component = violation.getPropertyPath().toString().replaceAll("\\[.*?]", "").split("\\.")[0];
    return Settings.key(violation.getRootBeanClass(), component);
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String reason(InvalidFormatException invalid) {
    Class<?> target = invalid.getTargetType();
    if (target != null && target.isEnum()) {
      return "must be one of " + Arrays.stream(target.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
    String message = invalid.getOriginalMessage();
    int colon = message.lastIndexOf(": ");
    return target == Duration.class && colon >= 0 ? message.substring(colon + 2)
        : "is not " + Settings.kind(target);
  }

  private static String reasonSuffix(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message.contains("null") ? ", got null" : "";
  }

  private static String shown(Object value) {
    if (value instanceof Duration duration) {
      return DurationText.format(duration);
    }
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
