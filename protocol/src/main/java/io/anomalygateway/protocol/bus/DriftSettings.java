package io.anomalygateway.protocol.bus;

import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.OnDrift;
import io.vertx.core.json.JsonObject;

/**
 * A session's drift settings, as the drift monitor applied them.
 *
 * @param onDrift what the session does when drift is detected
 * @param monitor the method continuous monitoring uses
 */
public record DriftSettings(OnDrift onDrift, DriftMethod monitor) {

  /** @return the settings with the wire names of {@code config} */
  public JsonObject toJson() {
    return new JsonObject().put("on_drift", onDrift.wireName()).put("drift_monitor", monitor.wireName());
  }

  /**
   * @param json settings as written by {@link #toJson()}
   * @return the settings
   */
  public static DriftSettings fromJson(JsonObject json) {
    return new DriftSettings(OnDrift.ofWireName(json.getString("on_drift")),
        DriftMethod.ofWireName(json.getString("drift_monitor")));
  }
}
