package io.anomalygateway.protocol.wire;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProcessingMode;
import io.anomalygateway.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestReaderTest {

  private final RequestReader reader = new RequestReader(new ReadLimits(3, 4, 8));

  @Test
  void readsASampleInAnyFieldOrder() {
    Request request = reader.read("{\"data\":[1,2.5,-3e2],\"algorithm\":\"one_class_svm\",\"request_id\":\"r\","
        + "\"type\":\"sample\",\"timestamp\":\"2025-07-23T10:30:01Z\",\"extra\":{\"ignored\":[1]}}");
    assertThat(request).isInstanceOf(SampleRequest.class);
    SampleRequest sample = (SampleRequest) request;
    assertThat(sample.requestId()).isEqualTo("r");
    assertThat(sample.data().values()).containsExactly(1, 2.5, -300);
    assertThat(sample.algorithm()).isEqualTo(Algorithm.ONE_CLASS_SVM);
    assertThat(sample.timestamp()).isEqualTo("2025-07-23T10:30:01Z");
  }

  @Test
  void readsABatchIntoOneFlatArray() {
    BatchRequest batch = (BatchRequest) reader.read("{\"type\":\"batch\",\"batch_data\":[[1,2],[3,4],[5,6]]}");
    assertThat(batch.rows().dims()).isEqualTo(2);
    assertThat(batch.rows().count()).isEqualTo(3);
    assertThat(batch.rows().values()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void readsConfigUpdates() {
    ConfigRequest config = (ConfigRequest) reader.read("{\"type\":\"config\",\"config\":{\"processing_mode\":"
        + "\"batch\",\"batch_size\":2,\"contamination\":0.1,\"buffer_size\":null}}");
    assertThat(config.update().processingMode()).isEqualTo(ProcessingMode.BATCH);
    assertThat(config.update().batchSize()).isEqualTo(2);
    assertThat(config.update().contamination()).isEqualTo(0.1);
    assertThat(config.update().bufferSize()).isNull();
  }

  @Test
  void echoesARequestIdThatFollowsTheProblem() {
    ProtocolException e = refused("{\"type\":\"sample\",\"data\":[1,{\"a\":[2]},3],\"request_id\":\"after\"}");
    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_DATA);
    assertThat(e.requestId()).isEqualTo("after");
    assertThat(e.getMessage()).contains("data[1]");
  }

  @Test
  void enforcesTheLimitsWhileReading() {
    assertThat(refused("{\"type\":\"batch\",\"batch_data\":[[1],[2],[3],[4]]}").error().code())
        .isEqualTo(ErrorCode.BATCH_TOO_LARGE);
    assertThat(refused("{\"type\":\"sample\",\"data\":[1,2,3,4,5]}").error().code())
        .isEqualTo(ErrorCode.TOO_MANY_DIMENSIONS);
    ProtocolException longId = refused("{\"type\":\"ping\",\"request_id\":\"123456789\"}");
    assertThat(longId.error().code()).isEqualTo(ErrorCode.INVALID_FIELD);
    assertThat(longId.requestId()).isNull();
  }

  @Test
  void keepsReadingAfterALimitSoTheRequestIdIsFound() {
    ProtocolException e = refused("{\"type\":\"batch\",\"batch_data\":[[1],[2],[3],[4],[5]],\"request_id\":\"x\"}");
    assertThat(e.error().code()).isEqualTo(ErrorCode.BATCH_TOO_LARGE);
    assertThat(e.requestId()).isEqualTo("x");
  }

  @Test
  void reportsWhereInvalidJsonBreaksWithoutQuotingIt() {
    ProtocolException e = refused("{\"type\":\"sample\",\"data\":[1,NaN]}");
    assertThat(e.error().code()).isEqualTo(ErrorCode.INVALID_JSON);
    assertThat(e.getMessage()).contains("line 1, column").doesNotContain("Source", "NaN]");
  }

  @Test
  void refusesTypesOutsideTheProtocol() {
    assertThat(refused("{\"type\":\"subscribes\"}").error().code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
  }

  @Test
  void readsSubscriptions() {
    SubscribeRequest subscribe = (SubscribeRequest) reader.read("{\"type\":\"subscribe\",\"config\":"
        + "{\"topic\":\"alerts\",\"scope\":\"all\"}}");
    assertThat(subscribe.topic()).isEqualTo(io.anomalygateway.protocol.Topic.ALERTS);
    assertThat(subscribe.allSessions()).isTrue();
    assertThat(refused("{\"type\":\"subscribe\"}").error().code()).isEqualTo(ErrorCode.INVALID_FIELD);
  }

  @Test
  void readsDriftRequests() {
    DriftRequest drift = (DriftRequest) reader.read("{\"type\":\"drift\",\"window_size\":200,\"method\":\"psi\","
        + "\"alpha\":0.05}");
    assertThat(drift.windowSize()).isEqualTo(200);
    assertThat(drift.method()).isEqualTo(io.anomalygateway.protocol.DriftMethod.PSI);
    assertThat(drift.alpha()).isEqualTo(0.05);
    assertThat(drift.reset()).isFalse();
    assertThat(((DriftRequest) reader.read("{\"type\":\"drift\",\"reset\":true}")).reset()).isTrue();
    assertThat(refused("{\"type\":\"drift\",\"window_size\":9}").error().code()).isEqualTo(ErrorCode.INVALID_FIELD);
  }

  private ProtocolException refused(String text) {
    return catchThrowableOfType(ProtocolException.class, () -> reader.read(text));
  }
}
