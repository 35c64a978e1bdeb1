package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;

import java.util.List;

/**
 * The detector's answer to a {@link ScoreCommand}: one verdict per sample, in order.
 *
 * @param algorithm the algorithm that scored the samples
 * @param modelFitted whether a fitted model scored them (if not, every verdict is "not anomalous", score 0)
 * @param refitting whether a new model was being fitted in the background while they were scored
 * @param threshold the score above which a sample is anomalous, or {@code NaN} before the first fit
 * @param verdicts one verdict per sample
 */
public record ScoreReply(Algorithm algorithm, boolean modelFitted, boolean refitting, double threshold,
                         List<Verdict> verdicts) {

  /** Copies the list. */
  public ScoreReply {
    verdicts = List.copyOf(verdicts);
  }

  /** @return the reply in the event bus's JSON form, to keep it beyond the process (a session snapshot) */
  public io.vertx.core.json.JsonObject toJson() {
    return BusJson.toJson(this);
  }

  /**
   * @param json the form of {@link #toJson()}
   * @return the reply
   */
  public static ScoreReply fromJson(io.vertx.core.json.JsonObject json) {
    return BusJson.scoreReply(json);
  }
}
