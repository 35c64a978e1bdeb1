package io.anomalygateway.protocol;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolErrorTest {

  @Test
  void wireCodesAreUniqueAndUpperSnakeCase() {
    assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[A-Z]+(_[A-Z]+)*"));
  }

  @Test
  void keepsAWorkersMessageForClientMistakes() {
    ProtocolError error = ProtocolError.ofFailure(new ReplyException(ReplyFailure.RECIPIENT_FAILURE,
        ErrorCode.DIMENSION_MISMATCH.failureCode(), "This session's samples have 3 values; this one has 2."));
    assertThat(error.code()).isEqualTo(ErrorCode.DIMENSION_MISMATCH);
    assertThat(error.message()).contains("3 values");
  }

  @Test
  void neverPassesOnTheTextOfServerFailures() {
    ProtocolError error = ProtocolError.ofFailure(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 12345,
        "java.lang.NullPointerException at io.anomalygateway.Foo"));
    assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
    assertThat(error.message()).doesNotContain("java.", "Foo");
  }

  @Test
  void mapsMissingAndSlowDetectors() {
    assertThat(ProtocolError.ofFailure(new ReplyException(ReplyFailure.NO_HANDLERS, "No handlers for address "
        + Addresses.DETECTOR_SCORE)))
        .isEqualTo(ProtocolError.generic(ErrorCode.DETECTOR_UNAVAILABLE));
    assertThat(ProtocolError.ofFailure(new ReplyException(ReplyFailure.TIMEOUT, "Timed out")).code())
        .isEqualTo(ErrorCode.TIMEOUT);
    assertThat(ProtocolError.ofFailure(new IllegalStateException("boom")).code())
        .isEqualTo(ErrorCode.INTERNAL_ERROR);
  }
}
