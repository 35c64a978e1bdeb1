package io.anomalygateway.bench.jmh;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.ModelCatalog;
import io.anomalygateway.detector.model.AnomalyModel;
import io.anomalygateway.detector.model.ModelTrainer;
import io.anomalygateway.protocol.Algorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Scoring one sample when consecutive samples belong to different sessions, as they do in the gateway: each
 * session has its own model, so with many sessions the model being walked is rarely still in the processor's
 * caches. {@code sessions = 1} is the warm case of {@link BatchModelBenchmark}; the system profile (50 sessions
 * scoring at once) put scoring at many times that cost, which the larger session counts reproduce.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SessionScoringBenchmark {

  @Param({"isolation_forest"})
  public String algorithm;

  @Param({"8"})
  public int dims;

  @Param({"1", "64", "256"})
  public int sessions;

  private AnomalyModel[] models;
  private double[] probes;
  private int next;

  @Setup
  public void setUp() {
    ModelTrainer trainer = new ModelCatalog(DetectorOptions.defaults()).trainer(Algorithm.ofWireName(algorithm));
    models = new AnomalyModel[sessions];
    for (int s = 0; s < sessions; s++) {
      models[s] = trainer.fit(BenchData.normal(1000, dims, 1 + s), 42 + s);
    }
    probes = BenchData.normal(1024, dims, 0).values();
  }

  /** Scores one sample with the next session's model. */
  @Benchmark
  public double scoreNextSessionsSample() {
    int i = next++;
    return models[i % sessions].score(probes, (i & 1023) * dims);
  }
}
