package io.anomalygateway.protocol.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ResponseType;
import io.anomalygateway.protocol.bus.DriftReport;
import io.anomalygateway.protocol.bus.FeatureContribution;
import io.anomalygateway.protocol.bus.FeatureDrift;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.Verdict;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes every server message as the text of one frame: the one place where responses are mapped to JSON.
 *
 * <p>Results are streamed out with Jackson's generator (no intermediate maps), since they are sent once per sample.
 * Every response carries {@code type}, {@code success} and {@code timestamp}, and echoes the {@code request_id}
 * when there is one. Thread-safe.
 */
public final class ResponseWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private ResponseWriter() {
  }

  /** Writes the body of a message after its common header. */
  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  /**
   * @param requestId the request's id, or {@code null}
   * @param timestamp the ISO-8601 time of the response
   * @param reply the detector's reply to the command that scored the sample
   * @param index the sample's position in that command
   * @param processingMillis the time from receipt to response
   * @return a {@code result} message
   */
  public static String result(String requestId, String timestamp, ScoreReply reply, int index,
                              double processingMillis) {
    Verdict verdict = reply.verdicts().get(index);
    return message(ResponseType.RESULT, true, requestId, timestamp, g -> {
      g.writeStringField("sample_id", verdict.sampleId());
      g.writeBooleanField("is_anomaly", verdict.anomaly());
      g.writeNumberField("confidence_score", verdict.score());
      g.writeStringField("algorithm", reply.algorithm().wireName());
      g.writeObjectFieldStart("metadata");
      g.writeNumberField("processing_time_ms", processingMillis);
      g.writeNumberField("buffer_size", verdict.bufferSize());
      g.writeBooleanField("model_fitted", reply.modelFitted());
      g.writeBooleanField("refitting", reply.refitting());
      writeThreshold(g, reply.threshold());
      writeExplanation(g, verdict);
      g.writeEndObject();
    });
  }

  /**
   * @param requestId the request's id, or {@code null}
   * @param timestamp the ISO-8601 time of the response
   * @param reply the detector's reply to the batch
   * @param processingMillis the time from receipt to response
   * @return a {@code batch_result} message with one entry per row, in order
   */
  public static String batchResult(String requestId, String timestamp, ScoreReply reply,
                                   double processingMillis) {
    List<Verdict> verdicts = reply.verdicts();
    return message(ResponseType.BATCH_RESULT, true, requestId, timestamp, g -> {
      g.writeStringField("algorithm", reply.algorithm().wireName());
      g.writeNumberField("count", verdicts.size());
      g.writeNumberField("anomalies", verdicts.stream().filter(Verdict::anomaly).count());
      g.writeArrayFieldStart("results");
      for (int i = 0; i < verdicts.size(); i++) {
        Verdict verdict = verdicts.get(i);
        g.writeStartObject();
        g.writeNumberField("index", i);
        g.writeStringField("sample_id", verdict.sampleId());
        g.writeBooleanField("is_anomaly", verdict.anomaly());
        g.writeNumberField("confidence_score", verdict.score());
        g.writeNumberField("buffer_size", verdict.bufferSize());
        writeExplanation(g, verdict);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("metadata");
      g.writeNumberField("processing_time_ms", processingMillis);
      g.writeNumberField("buffer_size", verdicts.get(verdicts.size() - 1).bufferSize());
      g.writeBooleanField("model_fitted", reply.modelFitted());
      g.writeBooleanField("refitting", reply.refitting());
      writeThreshold(g, reply.threshold());
      g.writeEndObject();
    });
  }

  /**
   * @param requestId the request's id, or {@code null}
   * @param timestamp the ISO-8601 time of the response
   * @param report the drift monitor's report
   * @return a {@code drift_result} message
   */
  public static String driftResult(String requestId, String timestamp, DriftReport report) {
    return message(ResponseType.DRIFT_RESULT, true, requestId, timestamp, g -> {
      g.writeStringField("status", report.status());
      g.writeBooleanField("drift_detected", report.driftDetected());
      g.writeStringField("method", report.method().wireName());
      g.writeNumberField("window_size", report.windowSize());
      g.writeNumberField("reference_size", report.referenceSize());
      g.writeNumberField("current_size", report.currentSize());
      g.writeNumberField("alpha", report.alpha());
      g.writeStringField("correction", report.correction());
      if (DriftReport.INSUFFICIENT_DATA.equals(report.status())) {
        g.writeNumberField("samples_needed", report.samplesNeeded());
      }
      if (report.evidence() != null) {
        g.writeStringField("evidence", report.evidence());
      }
      if (report.detectedAt() >= 0) {
        g.writeNumberField("detected_at", report.detectedAt());
      } else {
        g.writeNullField("detected_at");
      }
      g.writeArrayFieldStart("features");
      for (FeatureDrift feature : report.features()) {
        g.writeStartObject();
        g.writeNumberField("index", feature.index());
        g.writeNumberField("statistic", feature.statistic());
        if (Double.isFinite(feature.pValue())) {
          g.writeNumberField("p_value", feature.pValue());
        } else {
          g.writeNullField("p_value");
        }
        g.writeNumberField("psi", feature.psi());
        g.writeBooleanField("drifted", feature.drifted());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  /**
   * @param requestId the request's id, or {@code null}
   * @param timestamp the ISO-8601 time of the response
   * @param error the error
   * @return an {@code error} message
   */
  public static String error(String requestId, String timestamp, ProtocolError error) {
    return message(ResponseType.ERROR, false, requestId, timestamp, g -> {
      g.writeObjectFieldStart("error");
      g.writeStringField("code", error.code().code());
      g.writeStringField("message", error.message());
      if (error.retryAfterMillis() > 0) {
        g.writeNumberField("retry_after_ms", error.retryAfterMillis());
      }
      g.writeEndObject();
    });
  }

  /**
   * @param type the response type
   * @param requestId the request's id, or {@code null}
   * @param timestamp the ISO-8601 time of the response
   * @param fields further top-level fields
   * @return a successful message of that type
   */
  public static String message(ResponseType type, String requestId, String timestamp, JsonObject fields) {
    return message(type, true, requestId, timestamp, g -> {
      for (var entry : fields) {
        g.writeFieldName(entry.getKey());
        writeValue(g, entry.getValue());
      }
    });
  }

  private static void writeThreshold(JsonGenerator g, double threshold) throws IOException {
    if (Double.isFinite(threshold)) {
      g.writeNumberField("threshold", threshold);
    }
  }

  /** An anomalous verdict's features, largest contribution first; nothing for a normal one. */
  private static void writeExplanation(JsonGenerator g, Verdict verdict) throws IOException {
    if (verdict.explanation().isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("explanation");
    for (FeatureContribution feature : verdict.explanation()) {
      g.writeStartObject();
      g.writeNumberField("index", feature.index());
      g.writeNumberField("value", feature.value());
      g.writeNumberField("contribution", feature.contribution());
      g.writeStringField("direction", feature.direction());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof JsonObject) {
      g.writeRawValue(((JsonObject) value).encode());
    } else if (value instanceof io.vertx.core.json.JsonArray) {
      g.writeRawValue(((io.vertx.core.json.JsonArray) value).encode());
    } else {
      g.writeRawValue(io.vertx.core.json.Json.encode(value));
    }
  }

  private static String message(ResponseType type, boolean success, String requestId, String timestamp, Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", type.wireName());
      g.writeBooleanField("success", success);
      if (requestId != null) {
        g.writeStringField("request_id", requestId);
      }
      g.writeStringField("timestamp", timestamp);
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
