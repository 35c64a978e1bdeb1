package io.anomalygateway.bench.jmh;

import io.anomalygateway.detector.DetectorOptions;
import io.anomalygateway.detector.ModelCatalog;
import io.anomalygateway.detector.SessionModel;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.Verdict;
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
 * Score-then-update of one sample by a session's random cut forest, as the detector does it, after 2,000 samples (so
 * the forest is full and its thresholder warm): 8 and 32 values per sample without shingling, and the configuration
 * of the NAB figures, one value per sample with a shingle of 16.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StreamingModelBenchmark {

  /** Values per sample, then the shingle size. */
  @Param({"8x1", "32x1", "1x16"})
  public String shape;

  private int dims;
  private SessionModel model;
  private double[] stream;
  private int next;

  @Setup
  public void setUp() {
    dims = Integer.parseInt(shape.substring(0, shape.indexOf('x')));
    int shingle = Integer.parseInt(shape.substring(shape.indexOf('x') + 1));
    DetectorOptions options = DetectorOptions.defaults();
    SessionSettings settings = options.sessionDefaults();
    model = new ModelCatalog(options).create(Algorithm.RANDOM_CUT_FOREST, new SessionSettings(
        Algorithm.RANDOM_CUT_FOREST, settings.bufferSize(), settings.minSamples(), settings.refitInterval(),
        settings.contamination(), 42, shingle), dims);
    stream = BenchData.normal(4096, dims, 3).values();
    for (int i = 0; i < 2000; i++) {
      updateAndScore();
    }
  }

  /** Scores one sample, then adds it to the forest. */
  @Benchmark
  public Verdict updateAndScore() {
    int row = next++ & 4095;
    return model.score(stream, row * dims);
  }
}
