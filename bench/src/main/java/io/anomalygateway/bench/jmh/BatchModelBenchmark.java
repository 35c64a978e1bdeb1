package io.anomalygateway.bench.jmh;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.ModelCatalog;
import io.anomalygateway.detector.model.AnomalyModel;
import io.anomalygateway.detector.model.FittedModel;
import io.anomalygateway.detector.model.ModelTrainer;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.Samples;
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
 * Scoring one sample and fitting one model (on a 1,000-row buffer, with its threshold and profile), for the
 * batch-fitted algorithms, at 8 and 32 dimensions, with the detector's default parameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchModelBenchmark {

  @Param({"isolation_forest", "one_class_svm"})
  public String algorithm;

  @Param({"8", "32"})
  public int dims;

  private ModelTrainer trainer;
  private Samples buffer;
  private AnomalyModel model;
  private double[] probes;
  private int next;

  @Setup
  public void setUp() {
    trainer = new ModelCatalog(DetectorOptions.defaults()).trainer(Algorithm.ofWireName(algorithm));
    buffer = BenchData.normal(1000, dims, 1);
    model = trainer.fit(buffer, 42);
    probes = BenchData.normal(1024, dims, 2).values();
  }

  /** Scores one sample with a fitted model. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public double scoreOneSample() {
    int row = next++ & 1023;
    return model.score(probes, row * dims);
  }

  /** Fits a model, its threshold and its feature profile on 1,000 rows, as a refit does. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public FittedModel fitOneModel() {
    return FittedModel.fit(trainer, buffer, 42, 0.05);
  }
}
