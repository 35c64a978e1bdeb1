package io.anomalygateway.detector.model;

import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.bus.FeatureContribution;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Explanations measure each feature's distance from its median in units of its MAD, worked out by hand. */
class FeatureProfileTest {

  @Test
  void sharesFollowTheRobustDeviationsOfAnEvenCountOfRows() {
    // f0: median 2.5, MAD 1; f1: median 25, MAD 10. The row (6.5, 5) lies 4 / 1.4826 above and 20 / 14.826 below:
    // deviations in the ratio 2 : 1.
    FeatureProfile profile = FeatureProfile.of(new Samples(2, new double[] {4, 40, 1, 10, 3, 30, 2, 20}));
    List<FeatureContribution> explanation = profile.explain(new double[] {6.5, 5}, 0, 2);
    assertThat(explanation).extracting(FeatureContribution::index).containsExactly(0, 1);
    assertThat(explanation.get(0).contribution()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(explanation.get(0).direction()).isEqualTo(FeatureContribution.ABOVE);
    assertThat(explanation.get(1).contribution()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(explanation.get(1).direction()).isEqualTo(FeatureContribution.BELOW);
  }

  @Test
  void anOddCountOfRowsTakesTheMiddleOne() {
    // f0: median 3, MAD 1 (deviations 2, 1, 0, 1, 7); f1 constant 0: any change of it dominates.
    FeatureProfile profile = FeatureProfile.of(new Samples(2, new double[] {10, 0, 1, 0, 3, 0, 2, 0, 4, 0}));
    List<FeatureContribution> same = profile.explain(new double[] {3 + 1.4826, 0}, 0, 1);
    assertThat(same.get(0).index()).isZero();
    assertThat(same.get(0).contribution()).isCloseTo(1.0, within(1e-12));
    assertThat(profile.explain(new double[] {3, 1e-3}, 0, 1).get(0).index()).isEqualTo(1);
  }
}
