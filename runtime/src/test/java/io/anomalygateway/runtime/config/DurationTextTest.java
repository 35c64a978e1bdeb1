package io.anomalygateway.runtime.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durations in configuration files carry their unit, and are written back with the largest whole one. */
class DurationTextTest {

  @Test
  void readsEachUnit() {
    assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationText.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void writesTheLargestWholeUnit() {
    assertThat(DurationText.format(Duration.ofMillis(500))).isEqualTo("500ms");
    assertThat(DurationText.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(DurationText.format(Duration.ofSeconds(120))).isEqualTo("2m");
    assertThat(DurationText.format(Duration.ofMinutes(180))).isEqualTo("3h");
    assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void refusesTextWithoutAUnitAndFractionsOfAMillisecond() {
    assertThatThrownBy(() -> DurationText.parse("30")).hasMessageContaining("\"30\"");
    assertThatThrownBy(() -> DurationText.parse("3 parsecs")).hasMessageContaining("such as");
    assertThatThrownBy(() -> DurationText.parse("0.5ms")).hasMessageContaining("whole milliseconds");
  }
}
