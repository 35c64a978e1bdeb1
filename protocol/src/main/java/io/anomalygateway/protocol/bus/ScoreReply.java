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

  /**
   * Appends the reply in the event bus's binary form, to keep it beyond the process (a session snapshot).
   *
   * @param buffer where to append
   */
  public void writeTo(io.vertx.core.buffer.Buffer buffer) {
    BusBinary.write(buffer, this);
  }

  /**
   * @param in at the form of {@link #writeTo}
   * @return the reply
   */
  public static ScoreReply readFrom(BinaryReader in) {
    return BusBinary.scoreReply(in);
  }

  /**
   * @param json the event bus's JSON form of a reply, as snapshots of format 2 kept it
   * @return the reply
   */
  public static ScoreReply fromJson(io.vertx.core.json.JsonObject json) {
    return BusJson.scoreReply(json);
  }
}
