package io.anomalygateway.runtime.capacity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A holder's reservation keeps the budget's books equal to what its holders hold, per node and per tenant. */
class ReservationTest {

  @Test
  void growingWithinTheBudgetTakesOnlyTheDifference() {
    MemoryBudget budget = MemoryBudget.standalone("test", 1_000, 600);
    Reservation reservation = new Reservation();
    reservation.claim("a");
    assertThat(reservation.growTo(budget, 300, tenant -> false)).isEqualTo(MemoryBudget.Outcome.GRANTED);
    assertThat(reservation.growTo(budget, 500, tenant -> false)).isEqualTo(MemoryBudget.Outcome.GRANTED);
    assertThat(budget.used()).isEqualTo(500);
    assertThat(budget.used("a")).isEqualTo(500);
  }

  @Test
  void aFullTenantShareAsksForRoomAmongThatTenantsOwnAndIsRefusedWhenNoneIsFreed() {
    MemoryBudget budget = MemoryBudget.standalone("test", 1_000, 600);
    Reservation first = new Reservation();
    first.claim("a");
    first.growTo(budget, 500, tenant -> false);
    Reservation second = new Reservation();
    second.claim("a");
    List<String> asked = new ArrayList<>();
    MemoryBudget.Outcome outcome = second.growTo(budget, 200, tenant -> {
      asked.add(tenant);
      return false;
    });
    assertThat(outcome).isEqualTo(MemoryBudget.Outcome.TENANT_FULL);
    assertThat(asked).containsExactly("a");
    assertThat(second.bytes()).isZero();
    assertThat(budget.used()).isEqualTo(500);
  }

  @Test
  void roomMadeByReleasingAnotherHolderLetsTheReservationThrough() {
    MemoryBudget budget = MemoryBudget.standalone("test", 1_000, 1_000);
    Reservation idle = new Reservation();
    idle.growTo(budget, 900, tenant -> false);
    Reservation active = new Reservation();
    MemoryBudget.Outcome outcome = active.growTo(budget, 400, tenant -> {
      idle.release(budget);
      return true;
    });
    assertThat(outcome).isEqualTo(MemoryBudget.Outcome.GRANTED);
    assertThat(budget.used()).isEqualTo(400);
  }

  @Test
  void settlingGivesBackAnExcessAndCountsAShortfall() {
    MemoryBudget budget = MemoryBudget.standalone("test", 1_000, 1_000);
    Reservation reservation = new Reservation();
    reservation.claim("a");
    reservation.growTo(budget, 400, tenant -> false);
    reservation.settle(budget, 250);
    assertThat(budget.used("a")).isEqualTo(250);
    reservation.settle(budget, 1_200);
    assertThat(budget.used()).isEqualTo(1_200);
    reservation.release(budget);
    assertThat(budget.used()).isZero();
    assertThat(budget.used("a")).isZero();
  }

  @Test
  void aHolderStaysWithTheTenantThatFirstReservedForIt() {
    MemoryBudget budget = MemoryBudget.standalone("test", 1_000, 1_000);
    Reservation reservation = new Reservation();
    reservation.claim("creator");
    reservation.growTo(budget, 10, tenant -> false);
    reservation.claim("someone-else");
    assertThat(reservation.tenant()).isEqualTo("creator");
  }
}
