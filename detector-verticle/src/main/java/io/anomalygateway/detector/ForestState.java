package io.anomalygateway.detector;

import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestMapper;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestState;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A Thresholded Random Cut Forest with the threshold it last reported, as bytes: the library's own state mapper
 * (it saves each tree's and sampler's random seed, so a restored forest goes on exactly), written by Jackson as JSON.
 * No class names are read from the bytes, so a bad snapshot can only fail to parse.
 *
 * @param forest the forest
 * @param threshold the last threshold it reported, {@code NaN} before the first
 */
record ForestState(ThresholdedRandomCutForest forest, double threshold) {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static byte[] write(ThresholdedRandomCutForest forest, double threshold) throws IOException {
    byte[] state = JSON.writeValueAsBytes(new ThresholdedRandomCutForestMapper().toState(forest));
    return ByteBuffer.allocate(8 + state.length).putDouble(threshold).put(state).array();
  }

  static ForestState read(byte[] bytes) throws IOException {
    if (bytes.length < 8) {
      throw new IOException("Truncated forest state");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    double threshold = buffer.getDouble();
    ThresholdedRandomCutForestState state = JSON.readValue(bytes, 8, bytes.length - 8,
        ThresholdedRandomCutForestState.class);
    return new ForestState(new ThresholdedRandomCutForestMapper().toModel(state), threshold);
  }
}
