package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The binary form gives back, between cluster nodes, exactly the records that were sent. */
class BusBinaryTest {

  @Test
  void aScoreCommandWithEveryFieldSetComesBackEqual() {
    ScoreCommand command = new ScoreCommand("s-1", Algorithm.RANDOM_CUT_FOREST,
        new Samples(2, new double[] {1.5, -0.0, Double.MAX_VALUE, 1e-300}), "client\u001fr-1", "tenant-é");
    assertThat(trip(command, BusBinary::write, BusBinary::scoreCommand)).isEqualTo(command);
  }

  @Test
  void aScoreCommandWithoutAlgorithmKeyOrTenantKeepsThemNull() {
    ScoreCommand command = new ScoreCommand("s-2", null, Samples.of(new double[] {3}), null, null);
    assertThat(trip(command, BusBinary::write, BusBinary::scoreCommand)).isEqualTo(command);
  }

  @Test
  void aScoreReplyKeepsItsVerdictsExplanationsAndANanThreshold() {
    ScoreReply reply = new ScoreReply(Algorithm.ISOLATION_FOREST, true, false, Double.NaN, List.of(
        Verdict.normal(0.125, 10),
        Verdict.anomalous(0.97, 11, List.of(new FeatureContribution(1, 8.5, 0.75, FeatureContribution.ABOVE),
            new FeatureContribution(0, -2.0, 0.25, FeatureContribution.BELOW)))));
    ScoreReply back = trip(reply, BusBinary::write, BusBinary::scoreReply);
    assertThat(back).isEqualTo(reply);
    assertThat(back.threshold()).isNaN();
  }

  @Test
  void driftObservationsKeepTheirOrderSamplesAndNanScores() {
    DriftObservation first = new DriftObservation("a", new Samples(2, new double[] {1, 2, 3, 4}),
        new double[] {Double.NaN, 0.5}, "t");
    DriftObservation second = new DriftObservation("b", Samples.of(new double[] {9}), new double[] {0.25}, null);
    DriftObservations back = trip(new DriftObservations(List.of(first, second)), BusBinary::write,
        BusBinary::driftObservations);
    assertThat(back.observations()).hasSize(2);
    assertThat(back.observations().get(0).sessionId()).isEqualTo("a");
    assertThat(back.observations().get(0).samples()).isEqualTo(first.samples());
    assertThat(back.observations().get(0).scores()).containsExactly(Double.NaN, 0.5);
    assertThat(back.observations().get(0).tenant()).isEqualTo("t");
    assertThat(back.observations().get(1).samples()).isEqualTo(second.samples());
    assertThat(back.observations().get(1).tenant()).isNull();
  }

  @Test
  void scoreSummariesComeBackEqual() {
    ScoreSummaries summaries = new ScoreSummaries(List.of(new ScoreSummary("a", 100, 3, Algorithm.ONE_CLASS_SVM),
        new ScoreSummary("b", 1, 0, Algorithm.ISOLATION_FOREST)));
    assertThat(trip(summaries, BusBinary::write, BusBinary::scoreSummaries)).isEqualTo(summaries);
  }

  /** Through the codec, after bytes of the bus's own header, as the event bus decodes from a position. */
  private static <T> T trip(T value, BiConsumer<Buffer, T> writer, Function<BinaryReader, T> reader) {
    @SuppressWarnings("unchecked")
    RecordCodec<T> codec = new RecordCodec<>((Class<T>) value.getClass(), writer, reader);
    Buffer wire = Buffer.buffer().appendBytes(new byte[] {7, 7, 7});
    codec.encodeToWire(wire, value);
    return codec.decodeFromWire(3, wire);
  }
}
