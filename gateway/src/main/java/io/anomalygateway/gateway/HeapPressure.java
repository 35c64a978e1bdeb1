package io.anomalygateway.gateway;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * How full the heap stays after the garbage collector ran: the live data, not the garbage that a collection frees,
 * so that a node whose heap is filled with state it cannot let go of turns not-ready before it runs out, while a
 * busy node with plenty of short-lived garbage does not.
 */
final class HeapPressure {

  private HeapPressure() {
  }

  /** @return the heap held after the latest collections, as a fraction of the maximum heap (0 before any) */
  static double afterCollection() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      if (collected != null) {
        used += collected.getUsed();
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    return max <= 0 ? 0 : (double) used / max;
  }
}
