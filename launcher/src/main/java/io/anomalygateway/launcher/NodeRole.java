package io.anomalygateway.launcher;

import java.util.Locale;
import java.util.Set;

/** The parts of the system one process can run: {@code --roles gateway,detector,drift,alerts}. */
enum NodeRole {

  GATEWAY, DETECTOR, DRIFT, ALERTS;

  /** @return the name on the command line and in the configuration's sections */
  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param roles some roles
   * @return their names, comma-separated, in declaration order
   */
  static String names(Set<NodeRole> roles) {
    return String.join(",", roles.stream().map(NodeRole::wireName).toList());
  }

  static NodeRole of(String name) {
    for (NodeRole role : values()) {
      if (role.wireName().equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Unknown role '" + name + "': use gateway, detector, drift or alerts");
  }
}
