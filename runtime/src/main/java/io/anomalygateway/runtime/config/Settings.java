package io.anomalygateway.runtime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * Binds a section of the configuration to its immutable settings record and validates it as a whole. Keys are the
 * records' components in snake_case; a key the record lacks, a value of the wrong kind (a string for a number, a
 * fraction for a whole number) and a value outside its declared bounds all fail with the section, the key and the
 * value named. The records carry no defaults: {@link #read} lays a section over the packaged defaults first, so
 * that {@code config/anomaly-gateway.json} is the one place a default is written.
 */
public final class Settings {

  private static final JsonMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
      .addModule(DurationText.module())
      .withConfigOverride(Duration.class, o -> o.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.FAIL)))
      .build();

  private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
      .messageInterpolator(new ParameterMessageInterpolator())
      .buildValidatorFactory().getValidator();

  private Settings() {
  }

  /**
   * Reads one section of a configuration laid over the packaged defaults of that section.
   *
   * @param config the whole configuration, or only the sections that differ from the defaults
   * @param section the section's name, e.g. {@code "gateway"}
   * @param type the section's record
   * @return the validated settings
   * @throws InvalidSettingsException naming the section, the key and the value, or a top-level key that is no
   *     section
   */
  public static <T> T read(JsonObject config, String section, Class<T> type) {
    if (config != null) {
      for (String name : config.fieldNames()) {
        if (!PackagedDefaults.sections().contains(name)) {
          throw new InvalidSettingsException(name, List.of(), "unknown section"
              + Suggestions.didYouMean(name, PackagedDefaults.sections()) + "; a verticle's configuration holds sections "
              + "only, e.g. {\"" + section + "\": {...}}");
        }
      }
    }
    JsonObject merged = PackagedDefaults.section(section);
    JsonObject given = config == null ? null : config.getJsonObject(section);
    if (given != null) {
      merged.mergeIn(given, true);
    }
    return bind(merged, section, type);
  }

  /**
   * @param json every key of the section
   * @param section the section's name, for messages
   * @param type the section's record
   * @return the validated settings
   * @throws InvalidSettingsException naming the section, the key and the value
   */
  public static <T> T bind(JsonObject json, String section, Class<T> type) {
    T settings;
    try {
      settings = MAPPER.readValue(json.encode(), type);
    } catch (JsonMappingException e) {
      throw SettingsProblems.of(section, e);
    } catch (JsonProcessingException e) {
      throw new InvalidSettingsException(section, List.of(), e.getOriginalMessage());
    }
    List<ConstraintViolation<T>> violations = VALIDATOR.validate(settings).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
    if (!violations.isEmpty()) {
      throw SettingsProblems.of(section, violations);
    }
    return settings;
  }

  /**
   * @param settings a settings record
   * @return its section as JSON, durations with their unit
   */
  public static JsonObject toJson(Object settings) {
    try {
      return new JsonObject(MAPPER.writeValueAsString(settings));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Settings that cannot be written: " + e.getMessage(), e);
    }
  }

  /**
   * @param type a settings record
   * @param javaName one of its components
   * @return the component's key in a configuration file: its {@link JsonProperty} name, else its name in
   *     snake_case
   */
  public static String key(Class<?> type, String javaName) {
    try {
      JsonProperty named = type.getDeclaredField(javaName).getAnnotation(JsonProperty.class);
      if (named != null && !named.value().isEmpty()) {
        return named.value();
      }
    } catch (NoSuchFieldException e) {
      // Not a component (a rule between components): named as Jackson would.
    }
    return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(javaName);
  }

  /**
   * @param type a settings component's type
   * @return how a user would name the kind of value it takes, e.g. {@code "a whole number"}
   */
  public static String kind(Class<?> type) {
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration such as \"30s\"";
    }
    if (type == String.class) {
      return "a string";
    }
    return java.util.List.class.isAssignableFrom(type) ? "an array" : "an object";
  }
}
