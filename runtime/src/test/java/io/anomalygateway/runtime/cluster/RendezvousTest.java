package io.anomalygateway.runtime.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RendezvousTest {

  private static final List<String> SESSIONS = sessions(10_000);

  @Test
  void everyNodeWithTheSameInstancesPicksTheSameOwner() {
    Rendezvous one = new Rendezvous(List.of("a", "b", "c"));
    Rendezvous other = new Rendezvous(List.of("c", "a", "b"));
    for (String session : SESSIONS) {
      assertThat(other.owner(session)).isEqualTo(one.owner(session));
    }
  }

  @Test
  void spreadsSessionsEvenlyOverInstances() {
    Rendezvous members = new Rendezvous(List.of("detector-1", "detector-2", "detector-3", "detector-4"));
    Map<String, Integer> counts = new HashMap<>();
    SESSIONS.forEach(session -> counts.merge(members.owner(session), 1, Integer::sum));
    assertThat(counts).hasSize(4);
    counts.values().forEach(count -> assertThat(count).isBetween(2_250, 2_750));
  }

  @Test
  void aLostInstanceMovesOnlyItsOwnSessions() {
    Rendezvous before = new Rendezvous(List.of("a", "b", "c"));
    Rendezvous after = new Rendezvous(List.of("a", "c"));
    for (String session : SESSIONS) {
      if (!"b".equals(before.owner(session))) {
        assertThat(after.owner(session)).isEqualTo(before.owner(session));
      }
    }
  }

  @Test
  void aNewInstanceTakesAboutItsShareAndNothingElseMoves() {
    Rendezvous before = new Rendezvous(List.of("a", "b", "c"));
    Rendezvous after = new Rendezvous(List.of("a", "b", "c", "d"));
    int moved = 0;
    for (String session : SESSIONS) {
      if (!before.owner(session).equals(after.owner(session))) {
        assertThat(after.owner(session)).isEqualTo("d");
        moved++;
      }
    }
    assertThat(moved).isBetween(2_250, 2_750);
  }

  @Test
  void noInstanceMeansNoOwner() {
    assertThat(Rendezvous.EMPTY.owner("s")).isNull();
    assertThat(Rendezvous.EMPTY.isEmpty()).isTrue();
  }

  private static List<String> sessions(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add("session-" + i);
    }
    return ids;
  }
}
