package io.anomalygateway.runtime.cluster;

import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * What an instance of a {@link Service} announces on {@link io.anomalygateway.protocol.Addresses#PRESENCE}: that it
 * is alive (sent every {@code presence_interval}), or that it is leaving (sent once when it stops).
 *
 * @param service the service the instance provides
 * @param instanceId the instance's id, unique in the cluster; its addresses end with it
 * @param nodeId the cluster node that runs it, so that all its instances go when the node goes
 * @param leaving whether the instance is stopping
 */
public record Presence(Service service, String instanceId, String nodeId, boolean leaving) {

  /** Checks that the fields are present. */
  public Presence {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(nodeId, "nodeId");
  }

  /** @return the JSON form, as published on the event bus */
  public JsonObject toJson() {
    return new JsonObject().put("service", service.wireName()).put("instance", instanceId).put("node", nodeId)
        .put("leaving", leaving);
  }

  /**
   * @param json the form of {@link #toJson()}
   * @return the presence
   * @throws IllegalArgumentException or {@link NullPointerException} when a field is missing or unknown
   */
  public static Presence fromJson(JsonObject json) {
    return new Presence(Service.ofWireName(json.getString("service")), json.getString("instance"),
        json.getString("node"), json.getBoolean("leaving", false));
  }
}
