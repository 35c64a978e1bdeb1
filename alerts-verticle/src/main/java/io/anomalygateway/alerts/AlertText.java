package io.anomalygateway.alerts;

import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** The title and message of an alert: what a person on call reads first, so each says what, where and how much. */
final class AlertText {

  private AlertText() {
  }

  /**
   * @param rule the rule
   * @param resolved whether the incident is over
   * @param subject the session, or the gateway node
   * @param value the measured value
   * @param detail rule-specific figures: {@code window} for anomaly rates, {@code sample} and {@code method} for
   *     drift, {@code active} and {@code max} for connections
   * @return {@code {"title": ..., "message": ...}}
   */
  static JsonObject of(AlertRule rule, boolean resolved, String subject, double value, JsonObject detail) {
    String title;
    String message;
    switch (rule.type()) {
      case ANOMALY_RATE -> {
        title = (resolved ? "Anomaly rate back to normal in session " : "High anomaly rate in session ") + subject;
        message = String.format(Locale.ROOT, "%s of the last %d samples of session %s were anomalous "
            + "(alert above %s).", percent(value), detail.getInteger("window"), subject, percent(rule.threshold()));
      }
      case DRIFT -> {
        title = (resolved ? "No further drift in session " : "Drift detected in session ") + subject;
        message = resolved ? "No drift was detected in session " + subject + " for "
            + Math.round(rule.cooldownSeconds()) + " s."
            : String.format(Locale.ROOT, "The stream of session %s changed around sample %d (%s test; features %s)."
                + " Check the source, or reset the session's reference once the change is expected.", subject,
                detail.getLong("sample"), detail.getString("method"), detail.getValue("features"));
      }
      case ERROR_RATE -> {
        title = (resolved ? "Error rate back to normal on gateway " : "High error rate on gateway ") + subject;
        message = String.format(Locale.ROOT, "%s of the requests to gateway %s failed in the last interval "
            + "(alert above %s).", percent(value), subject, percent(rule.threshold()));
      }
      case LATENCY_P99 -> {
        title = (resolved ? "Processing time back to normal on gateway " : "Slow processing on gateway ") + subject;
        message = String.format(Locale.ROOT, "The 99th percentile of processing time on gateway %s was %.1f ms in "
            + "the last interval (alert above %.1f ms).", subject, value, rule.threshold());
      }
      default -> {
        title = (resolved ? "Connections back to normal on gateway " : "Gateway near its connection limit: ")
            + subject;
        message = String.format(Locale.ROOT, "%d of %d connections are open on gateway %s (%s; alert above %s).",
            detail.getInteger("active"), detail.getInteger("max"), subject, percent(value),
            percent(rule.threshold()));
      }
    }
    return new JsonObject().put("title", title).put("message", message);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
