package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of the records that cross the cluster once or more per request: commands, replies and the
 * observations that follow them. Raw doubles instead of decimal text: an encode that is a copy, no parse on the
 * other side, and the exact same numbers (NaN included) after the trip. Algorithms travel by wire name, so that
 * a stored reply stays readable if the enum grows.
 */
final class BusBinary {

  private BusBinary() {
  }

  static void write(Buffer out, ScoreCommand command) {
    BinaryWriter.text(out, command.sessionId());
    BinaryWriter.text(out, command.algorithm() == null ? null : command.algorithm().wireName());
    samples(out, command.samples());
    BinaryWriter.text(out, command.requestKey());
    BinaryWriter.text(out, command.tenant());
  }

  static ScoreCommand scoreCommand(BinaryReader in) {
    String session = in.nextText();
    String algorithm = in.nextText();
    return new ScoreCommand(session, algorithm == null ? null : Algorithm.ofWireName(algorithm), samples(in),
        in.nextText(), in.nextText());
  }

  static void write(Buffer out, ScoreReply reply) {
    BinaryWriter.text(out, reply.algorithm().wireName());
    BinaryWriter.bool(out, reply.modelFitted());
    BinaryWriter.bool(out, reply.refitting());
    out.appendDouble(reply.threshold()).appendInt(reply.verdicts().size());
    for (Verdict verdict : reply.verdicts()) {
      BinaryWriter.text(out, verdict.sampleId());
      BinaryWriter.bool(out, verdict.anomaly());
      out.appendDouble(verdict.score()).appendInt(verdict.bufferSize()).appendInt(verdict.explanation().size());
      for (FeatureContribution feature : verdict.explanation()) {
        out.appendInt(feature.index()).appendDouble(feature.value()).appendDouble(feature.contribution());
        BinaryWriter.text(out, feature.direction());
      }
    }
  }

  static ScoreReply scoreReply(BinaryReader in) {
    Algorithm algorithm = Algorithm.ofWireName(in.nextText());
    boolean fitted = in.nextBoolean();
    boolean refitting = in.nextBoolean();
    double threshold = in.nextDouble();
    int count = in.nextInt();
    List<Verdict> verdicts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      verdicts.add(verdict(in));
    }
    return new ScoreReply(algorithm, fitted, refitting, threshold, verdicts);
  }

  private static Verdict verdict(BinaryReader in) {
    String sampleId = in.nextText();
    boolean anomaly = in.nextBoolean();
    double score = in.nextDouble();
    int bufferSize = in.nextInt();
    int features = in.nextInt();
    List<FeatureContribution> explanation = new ArrayList<>(features);
    for (int i = 0; i < features; i++) {
      explanation.add(new FeatureContribution(in.nextInt(), in.nextDouble(), in.nextDouble(), in.nextText()));
    }
    return new Verdict(sampleId, anomaly, score, bufferSize, explanation);
  }

  static void write(Buffer out, DriftObservations batch) {
    out.appendInt(batch.observations().size());
    for (DriftObservation observation : batch.observations()) {
      BinaryWriter.text(out, observation.sessionId());
      samples(out, observation.samples());
      BinaryWriter.doubles(out, observation.scores());
      BinaryWriter.text(out, observation.tenant());
    }
  }

  static DriftObservations driftObservations(BinaryReader in) {
    int count = in.nextInt();
    List<DriftObservation> observations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      observations.add(new DriftObservation(in.nextText(), samples(in), in.nextDoubles(), in.nextText()));
    }
    return new DriftObservations(observations);
  }

  static void write(Buffer out, ScoreSummaries batch) {
    out.appendInt(batch.summaries().size());
    for (ScoreSummary summary : batch.summaries()) {
      BinaryWriter.text(out, summary.sessionId());
      out.appendInt(summary.samples()).appendInt(summary.anomalies());
      BinaryWriter.text(out, summary.algorithm().wireName());
    }
  }

  static ScoreSummaries scoreSummaries(BinaryReader in) {
    int count = in.nextInt();
    List<ScoreSummary> summaries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      summaries.add(new ScoreSummary(in.nextText(), in.nextInt(), in.nextInt(),
          Algorithm.ofWireName(in.nextText())));
    }
    return new ScoreSummaries(summaries);
  }

  private static void samples(Buffer out, Samples samples) {
    out.appendInt(samples.dims());
    BinaryWriter.doubles(out, samples.values());
  }

  private static Samples samples(BinaryReader in) {
    return new Samples(in.nextInt(), in.nextDoubles());
  }
}
