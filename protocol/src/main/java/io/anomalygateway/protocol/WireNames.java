package io.anomalygateway.protocol;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The wire names of the protocol's enums: each constant's name in lower case ({@code ISOLATION_FOREST} is
 * {@code isolation_forest}). Names are computed once per enum, so that writing one costs an array read and reading
 * one a map lookup, never a scan or an allocation.
 */
public final class WireNames {

  private static final ClassValue<String[]> NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      Object[] constants = type.getEnumConstants();
      String[] names = new String[constants.length];
      for (int i = 0; i < constants.length; i++) {
        names[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT);
      }
      return names;
    }
  };

  private static final ClassValue<Map<String, Object>> BY_NAME = new ClassValue<>() {
    @Override
    protected Map<String, Object> computeValue(Class<?> type) {
      Map<String, Object> byName = new HashMap<>();
      for (Object constant : type.getEnumConstants()) {
        byName.put(NAMES.get(type)[((Enum<?>) constant).ordinal()], constant);
      }
      return Map.copyOf(byName);
    }
  };

  private WireNames() {
  }

  /**
   * @param constant a constant of a protocol enum
   * @return its wire name
   */
  public static String of(Enum<?> constant) {
    return NAMES.get(constant.getDeclaringClass())[constant.ordinal()];
  }

  /**
   * @param type a protocol enum
   * @param wireName a name as sent on the wire, or {@code null}
   * @return the constant of that name, if any
   */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String wireName) {
    return wireName == null ? Optional.empty() : Optional.ofNullable(type.cast(BY_NAME.get(type).get(wireName)));
  }

  /**
   * @param type a protocol enum
   * @return every wire name, comma-separated, in declaration order, for messages
   */
  public static String list(Class<? extends Enum<?>> type) {
    return String.join(", ", NAMES.get(type));
  }
}
