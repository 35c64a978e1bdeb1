package io.anomalygateway.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Random;

/** Builders of protocol messages and of test data. */
public final class Messages {

  private Messages() {
  }

  public static JsonObject sample(double... values) {
    return new JsonObject().put("type", "sample").put("data", array(values));
  }

  public static JsonObject batch(double[][] rows) {
    JsonArray data = new JsonArray();
    for (double[] row : rows) {
      data.add(array(row));
    }
    return new JsonObject().put("type", "batch").put("batch_data", data);
  }

  static JsonObject config(JsonObject settings) {
    return new JsonObject().put("type", "config").put("config", settings);
  }

  public static JsonObject of(String type) {
    return new JsonObject().put("type", type);
  }

  static JsonArray array(double... values) {
    JsonArray array = new JsonArray();
    for (double value : values) {
      array.add(value);
    }
    return array;
  }

  /** @return {@code count} rows of standard normal values */
  public static double[][] normal(Random random, int count, int dims) {
    double[][] rows = new double[count][dims];
    for (double[] row : rows) {
      for (int j = 0; j < dims; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return rows;
  }
}
