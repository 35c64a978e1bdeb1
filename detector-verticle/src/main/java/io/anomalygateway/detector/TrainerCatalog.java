package io.anomalygateway.detector;

import io.anomalygateway.detector.model.IsolationForestTrainer;
import io.anomalygateway.detector.model.ModelTrainer;
import io.anomalygateway.detector.model.OneClassSvmTrainer;
import io.anomalygateway.protocol.Algorithm;

import java.util.EnumMap;
import java.util.Map;

/** The trainer of each algorithm, configured from the detector's options. */
public final class TrainerCatalog {

  private final Map<Algorithm, ModelTrainer> trainers = new EnumMap<>(Algorithm.class);

  /**
   * @param options the algorithms' parameters
   */
  public TrainerCatalog(DetectorOptions options) {
    trainers.put(Algorithm.ISOLATION_FOREST, new IsolationForestTrainer(options.getTrees(), options.getSubsample()));
    trainers.put(Algorithm.ONE_CLASS_SVM, new OneClassSvmTrainer(options.getSvmFeatures(), options.getSvmNu(),
        options.getSvmMaxFitRows()));
  }

  /**
   * @param algorithm a batch-fitted algorithm
   * @return its trainer
   */
  public ModelTrainer trainer(Algorithm algorithm) {
    return trainers.get(algorithm);
  }
}
