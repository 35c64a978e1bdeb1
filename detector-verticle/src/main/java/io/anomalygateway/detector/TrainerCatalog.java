package io.anomalygateway.detector;

import io.anomalygateway.detector.model.IsolationForestTrainer;
import io.anomalygateway.detector.model.ModelTrainer;
import io.anomalygateway.detector.model.OneClassSvmTrainer;
import io.anomalygateway.protocol.Algorithm;

import java.util.EnumMap;
import java.util.Map;

/** The trainer of each algorithm, configured from the detector's options. */
final class TrainerCatalog {

  private final Map<Algorithm, ModelTrainer> trainers = new EnumMap<>(Algorithm.class);

  TrainerCatalog(DetectorOptions options) {
    trainers.put(Algorithm.ISOLATION_FOREST, new IsolationForestTrainer(options.getTrees(), options.getSubsample()));
    trainers.put(Algorithm.ONE_CLASS_SVM, new OneClassSvmTrainer(options.getSvmFeatures(), options.getSvmNu()));
  }

  ModelTrainer trainer(Algorithm algorithm) {
    return trainers.get(algorithm);
  }
}
