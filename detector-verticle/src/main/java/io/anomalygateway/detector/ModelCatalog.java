package io.anomalygateway.detector;

import io.anomalygateway.detector.model.IsolationForestTrainer;
import io.anomalygateway.detector.model.ModelTrainer;
import io.anomalygateway.detector.model.OneClassSvmTrainer;
import io.anomalygateway.detector.model.SlidingBuffer;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.SessionSettings;

import java.util.EnumMap;
import java.util.Map;

/**
 * Builds each algorithm's models from the detector's options: the trainers of the batch-fitted algorithms, and a
 * session's model of any algorithm.
 */
public final class ModelCatalog {

  private final DetectorOptions options;
  private final Map<Algorithm, ModelTrainer> trainers = new EnumMap<>(Algorithm.class);

  /** Bytes of a model's own objects and counters, whatever it holds. */
  private static final long MODEL_OVERHEAD = 512;

  /**
   * @param options the algorithms' parameters
   */
  public ModelCatalog(DetectorOptions options) {
    this.options = options;
    trainers.put(Algorithm.ISOLATION_FOREST, new IsolationForestTrainer(options.trees(), options.subsample()));
    trainers.put(Algorithm.ONE_CLASS_SVM, new OneClassSvmTrainer(options.svmFeatures(), options.svmNu(),
        options.svmMaxFitRows()));
  }

  /**
   * @param algorithm a batch-fitted algorithm
   * @return its trainer
   * @throws IllegalArgumentException for a streaming algorithm, which is never fitted in a batch
   */
  public ModelTrainer trainer(Algorithm algorithm) {
    ModelTrainer trainer = trainers.get(algorithm);
    if (trainer == null) {
      throw new IllegalArgumentException(algorithm.wireName() + " is not fitted in a batch");
    }
    return trainer;
  }

  /**
   * @param algorithm a batch-fitted algorithm
   * @return whether it is fitted in batches (as opposed to updated with every sample)
   */
  public boolean isBatchFitted(Algorithm algorithm) {
    return trainers.containsKey(algorithm);
  }

  /**
   * @param algorithm the algorithm
   * @param settings the session's settings
   * @param dimension the session's dimension
   * @return a new model of one session
   */
  public SessionModel create(Algorithm algorithm, SessionSettings settings, int dimension) {
    if (!isBatchFitted(algorithm)) {
      return new RandomCutForestModel(options, settings, dimension);
    }
    return new RefittedModel(algorithm, settings.bufferSize(), dimension, options.explanationFeatures());
  }

  /**
   * The bytes a session's model of an algorithm holds when its buffer has {@code rows} rows: a closed formula,
   * reserved from the memory budget before the rows are added, and an upper bound of what is allocated. A
   * batch-fitted model counts its buffer as it grows and, from {@code min_samples} on, its fitted model twice plus a
   * copy of the buffer (a refit holds those while it runs); the random cut forest is counted at its full size from
   * its first sample, since the library sizes its stores itself.
   *
   * @param algorithm the model's algorithm
   * @param settings the session's settings
   * @param dimension the session's dimension
   * @param rows rows the model holds (or will hold)
   * @return the bytes
   */
  long footprint(Algorithm algorithm, SessionSettings settings, int dimension, long rows) {
    if (!isBatchFitted(algorithm)) {
      long point = (long) dimension * settings.shingleSize();
      return MODEL_OVERHEAD + (long) options.rcfTrees() * options.rcfSampleSize() * (20 * point + 64);
    }
    long buffer = SlidingBuffer.bytesFor(rows, settings.bufferSize(), dimension);
    if (rows < settings.minSamples()) {
      return MODEL_OVERHEAD + buffer;
    }
    long held = Math.min(rows, settings.bufferSize());
    long model = algorithm == Algorithm.ISOLATION_FOREST
        ? 24L * options.trees() * Math.min(options.subsample(), held)
        : 8L * options.svmFeatures() * (dimension + 2);
    return MODEL_OVERHEAD + buffer + 2 * (model + 64L * dimension) + 8L * held * dimension;
  }

  /**
   * @param snapshot a model's snapshot, taken by this or another detector
   * @param settings the session's settings
   * @param dimension the session's dimension
   * @return the model, where the snapshot left it; a batch-fitted one is due for a fit on its rows at once
   */
  SessionModel restore(ModelSnapshot snapshot, SessionSettings settings, int dimension) {
    if (!isBatchFitted(snapshot.algorithm())) {
      return RandomCutForestModel.restore(options, settings, dimension, snapshot);
    }
    RefittedModel model = new RefittedModel(snapshot.algorithm(), settings.bufferSize(), dimension,
        options.explanationFeatures());
    model.restore(snapshot);
    return model;
  }
}
