package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.SessionStats;
import io.anomalygateway.protocol.bus.Verdict;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A session written to a snapshot and restored elsewhere goes on where it was. */
class SessionSnapshotTest {

  private final DetectorOptions options = DetectorOptions.of(new JsonObject().put("min_samples", 50)
      .put("buffer_size", 300).put("rcf_trees", 20).put("rcf_sample_size", 64));
  private final ModelCatalog models = new ModelCatalog(options);

  @Test
  void aRestoredRandomCutForestScoresTheNextSamplesExactlyAsTheOriginal() {
    DetectorSession original = session(Algorithm.RANDOM_CUT_FOREST);
    feed(original, 400, new Random(1));
    DetectorSession restored = roundTrip(original);
    Random next = new Random(2);
    for (int i = 0; i < 200; i++) {
      Samples sample = sample(next, i % 50 == 49 ? 8.0 : 0.0);
      Verdict expected = original.score(null, sample).verdicts().get(0);
      Verdict actual = restored.score(null, sample).verdicts().get(0);
      assertThat(actual.score()).isEqualTo(expected.score());
      assertThat(actual.anomaly()).isEqualTo(expected.anomaly());
    }
  }

  @Test
  void aRestoredIsolationForestKeepsItsRowsAndCountersAndIsDueForAFitAtOnce() {
    DetectorSession original = session(Algorithm.ISOLATION_FOREST);
    feed(original, 400, new Random(3));
    DetectorSession restored = roundTrip(original);
    SessionStats stats = restored.stats(null);
    assertThat(stats.totalSamples()).isEqualTo(400);
    assertThat(stats.models()).singleElement().satisfies(model -> {
      assertThat(model.samples()).isEqualTo(400);
      assertThat(model.bufferSize()).isEqualTo(300);
    });
    RefittedModel model = (RefittedModel) restored.model(Algorithm.ISOLATION_FOREST);
    assertThat(model.isFitDue(restored.settings())).isTrue();
  }

  @Test
  void keepsTheSessionsSettings() {
    DetectorSession original = session(Algorithm.ISOLATION_FOREST);
    original.configure(new io.anomalygateway.protocol.ConfigUpdate(Algorithm.RANDOM_CUT_FOREST, 500, null, null,
        0.01, 7L, 4, null, null, null, null, null));
    SessionSettings settings = roundTrip(original).settings();
    assertThat(settings.algorithm()).isEqualTo(Algorithm.RANDOM_CUT_FOREST);
    assertThat(settings.bufferSize()).isEqualTo(500);
    assertThat(settings.seed()).isEqualTo(7L);
    assertThat(settings.shingleSize()).isEqualTo(4);
  }

  @Test
  void keepsTheDeduplicationWindowAndTheTenant() {
    DetectorSession original = session(Algorithm.ISOLATION_FOREST);
    original.reservation().claim("tenant-a");
    ScoreReply first = original.score(null, sample(new Random(4), 0.0));
    original.remember("client\u001fr1", first, 256);
    DetectorSession restored = roundTrip(original);
    assertThat(restored.reservation().tenant()).isEqualTo("tenant-a");
    assertThat(restored.lastWrite()).isEqualTo("writer-1");
    assertThat(restored.repliedTo("client\u001fr1")).isEqualTo(first);
    assertThat(restored.repliedTo("client\u001fr2")).isNull();
  }

  @Test
  void aSessionsMemoryGrowsWithTheSamplesItHoldsNotWithItsBufferSize() {
    DetectorSession session = session(Algorithm.ISOLATION_FOREST);
    long projected = session.bytesAfter(null, 1, 1024, false);
    session.score(null, new Samples(1024, new double[1024]));
    assertThat(session.bytes()).isLessThanOrEqualTo(projected).isLessThan(300L * 1024 * 8 / 4);
    long afterOne = session.bytes();
    for (int i = 0; i < 40; i++) {
      session.score(null, new Samples(1024, new double[1024]));
    }
    assertThat(session.bytes()).isGreaterThan(afterOne);
  }

  @Test
  void aSnapshotOfFormatTwoWithItsRepliesInJsonStillRestores() {
    JsonObject reply = new JsonObject().put("algorithm", "isolation_forest").put("model_fitted", true)
        .put("refitting", false).put("threshold", 0.6).put("verdicts", new io.vertx.core.json.JsonArray()
            .add(new io.vertx.core.json.JsonArray().add(true).add(0.9).add(300)
                .add(new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonArray().add(1).add(5.0)
                    .add(1.0).add("above"))).add("sample-1")));
    io.vertx.core.buffer.Buffer format2 = io.vertx.core.buffer.Buffer.buffer().appendInt(2);
    bytes(format2, options.sessionDefaults().toJson().encode());
    format2.appendInt(3).appendLong(1).appendInt(0);
    bytes(format2, "tenant-b");
    bytes(format2, new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonArray().add("client\u001fr9")
        .add(reply)).encode());
    bytes(format2, "writer-old");

    SessionSnapshot snapshot = SessionSnapshot.fromBuffer(format2);

    assertThat(snapshot.tenant()).isEqualTo("tenant-b");
    assertThat(snapshot.writer()).isEqualTo("writer-old");
    Verdict verdict = ScoreReply.readFrom(new io.anomalygateway.protocol.bus.BinaryReader(
        io.vertx.core.buffer.Buffer.buffer(snapshot.replies().get("client\u001fr9")), 0)).verdicts().get(0);
    assertThat(verdict.sampleId()).isEqualTo("sample-1");
    assertThat(verdict.explanation()).singleElement().satisfies(feature -> {
      assertThat(feature.index()).isEqualTo(1);
      assertThat(feature.direction()).isEqualTo("above");
    });
  }

  @Test
  void aBufferOfAnotherFormatIsRefused() {
    assertThatThrownBy(() -> SessionSnapshot.fromBuffer(io.vertx.core.buffer.Buffer.buffer().appendInt(99)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private DetectorSession session(Algorithm algorithm) {
    SessionSettings defaults = options.sessionDefaults();
    return new DetectorSession("s", new SessionSettings(algorithm, defaults.bufferSize(), defaults.minSamples(),
        defaults.refitInterval(), defaults.contamination(), defaults.seed(), defaults.shingleSize()), models);
  }

  private DetectorSession roundTrip(DetectorSession original) {
    SessionSnapshot copy = SessionSnapshot.fromBuffer(original.snapshot("writer-1").toBuffer());
    DetectorSession restored = new DetectorSession("s", options.sessionDefaults(), models);
    restored.restore(copy, 256);
    return restored;
  }

  private static void feed(DetectorSession session, int count, Random random) {
    for (int i = 0; i < count; i++) {
      ScoreReply reply = session.score(null, sample(random, 0.0));
      assertThat(reply.verdicts()).hasSize(1);
    }
  }

  private static void bytes(io.vertx.core.buffer.Buffer buffer, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  private static Samples sample(Random random, double shift) {
    return new Samples(3, new double[] {random.nextGaussian() + shift, random.nextGaussian(), random.nextGaussian()});
  }
}
