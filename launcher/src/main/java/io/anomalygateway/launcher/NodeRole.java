package io.anomalygateway.launcher;

import java.util.EnumSet;
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
   * @param list comma-separated role names
   * @return the roles
   * @throws IllegalArgumentException for an unknown or missing name
   */
  static Set<NodeRole> parseList(String list) {
    Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
    for (String name : list.split(",")) {
      roles.add(of(name.trim()));
    }
    return roles;
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
