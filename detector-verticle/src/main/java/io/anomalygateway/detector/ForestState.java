package io.anomalygateway.detector;

import com.amazon.randomcutforest.parkservices.ThresholdedRandomCutForest;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestMapper;
import com.amazon.randomcutforest.parkservices.state.ThresholdedRandomCutForestState;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A Thresholded Random Cut Forest with the threshold it last reported and the state of its {@link RareAlerts}, as
 * bytes: the threshold, a version byte (1), the rarity state, then the library's own state mapper (it saves each
 * tree's and sampler's random seed, so a restored forest goes on exactly), written by Jackson as JSON. No class names
 * are read from the bytes, so a bad snapshot can only fail to parse. The first format had no version byte and no
 * rarity state (its JSON began right after the threshold): it is still read, with a fresh rarity state.
 *
 * @param forest the forest
 * @param threshold the last threshold it reported, {@code NaN} before the first
 * @param rarity the rarity state ({@link RareAlerts#state()})
 */
record ForestState(ThresholdedRandomCutForest forest, double threshold, double[] rarity) {

  private static final byte VERSION = 1;
  private static final int RARITY_VALUES = 3;

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  static byte[] write(ThresholdedRandomCutForest forest, double threshold, double[] rarity) throws IOException {
    byte[] state = JSON.writeValueAsBytes(new ThresholdedRandomCutForestMapper().toState(forest));
    ByteBuffer buffer = ByteBuffer.allocate(8 + 1 + 8 * RARITY_VALUES + state.length).putDouble(threshold)
        .put(VERSION);
    for (double value : rarity) {
      buffer.putDouble(value);
    }
    return buffer.put(state).array();
  }

  static ForestState read(byte[] bytes) throws IOException {
    if (bytes.length < 9) {
      throw new IOException("Truncated forest state");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    double threshold = buffer.getDouble();
    double[] rarity = new double[] {Long.MIN_VALUE / 2, 0, 0};
    if (bytes[8] == VERSION) {
      if (bytes.length < 9 + 8 * RARITY_VALUES) {
        throw new IOException("Truncated forest state");
      }
      buffer.get();
      for (int i = 0; i < RARITY_VALUES; i++) {
        rarity[i] = buffer.getDouble();
      }
    }
    int json = buffer.position();
    ThresholdedRandomCutForestState state = JSON.readValue(bytes, json, bytes.length - json,
        ThresholdedRandomCutForestState.class);
    return new ForestState(new ThresholdedRandomCutForestMapper().toModel(state), threshold, rarity);
  }
}
