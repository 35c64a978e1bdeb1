package io.anomalygateway.runtime.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations in configuration files carry their unit: {@code "250ms"}, {@code "30s"}, {@code "30m"}, {@code "24h"}.
 * A bare number is read as seconds, which is what every duration key meant before units were written out, so that
 * older files keep working. Written back, a duration takes the largest unit that keeps it whole.
 */
public final class DurationText {

  private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private DurationText() {
  }

  /** @return the Jackson module reading and writing durations as text with a unit */
  static SimpleModule module() {
    return new SimpleModule("duration-text")
        .addDeserializer(Duration.class, new Reader())
        .addSerializer(Duration.class, new Writer());
  }

  /**
   * @param text e.g. {@code "250ms"} or {@code "1.5s"}
   * @return the duration
   * @throws IllegalArgumentException when the text is not a number with one of the units
   */
  public static Duration parse(String text) {
    Matcher matcher = TEXT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected a duration such as \"250ms\", \"30s\", \"5m\" or \"1h\", got \""
          + text + "\"");
    }
    BigDecimal amount = new BigDecimal(matcher.group(1));
    long millisPerUnit = switch (matcher.group(2)) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      default -> 3_600_000;
    };
    return ofMillis(amount.multiply(BigDecimal.valueOf(millisPerUnit)));
  }

  /**
   * @param text any text
   * @return whether it is a duration with its unit, as {@link #parse} reads them
   */
  public static boolean isDuration(String text) {
    return text != null && TEXT.matcher(text.trim()).matches();
  }

  /**
   * @param duration a duration
   * @return its text with the largest unit that keeps it whole and at least 2, as people write them: {@code "500ms"},
   *     {@code "60s"}, {@code "2m"}, {@code "90m"}, {@code "3h"}
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis >= 2 * 3_600_000 && millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis >= 2 * 60_000 && millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    return millis % 1_000 == 0 ? millis / 1_000 + "s" : millis + "ms";
  }

  private static Duration ofMillis(BigDecimal millis) {
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException("durations are whole milliseconds, got " + millis.toPlainString() + "ms");
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  private static final class Reader extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      JsonToken token = parser.currentToken();
      try {
        if (token == JsonToken.VALUE_STRING) {
          return parse(parser.getText());
        }
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          return ofMillis(parser.getDecimalValue().multiply(BigDecimal.valueOf(1_000)));
        }
      } catch (IllegalArgumentException | ArithmeticException e) {
        return (Duration) context.handleWeirdStringValue(Duration.class, parser.getText(), e.getMessage());
      }
      return (Duration) context.handleUnexpectedToken(Duration.class, parser);
    }
  }

  private static final class Writer extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(format(value));
    }
  }
}
