package io.anomalygateway.launcher.offline;

import io.anomalygateway.drift.stats.Adwin;
import io.anomalygateway.drift.stats.KolmogorovSmirnov;
import io.anomalygateway.drift.stats.PageHinkley;
import io.anomalygateway.drift.stats.StreamDetector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The drift statistics against their references in {@code testdata/drift}: SciPy's {@code ks_2samp} on 216
 * window pairs, and River's ADWIN and Page-Hinkley on the documented stream and the drift streams.
 */
class DriftReferenceTest {

  private final Map<String, CsvTable> streams = new HashMap<>();

  @Test
  void kolmogorovSmirnovMatchesScipyOnEveryReferencePair() {
    JsonObject reference = new JsonObject(SharedData.text("drift/ks_reference.json"));
    JsonArray pairs = reference.getJsonArray("pairs");
    assertThat(pairs).hasSize(216);
    for (Object entry : pairs) {
      JsonObject pair = (JsonObject) entry;
      CsvTable stream = stream(pair.getString("stream"));
      int dim = pair.getInteger("dim");
      double[] result = KolmogorovSmirnov.test(column(stream, dim, pair.getJsonArray("ref")),
          column(stream, dim, pair.getJsonArray("cur")));
      assertThat(result[0]).as("statistic of %s", pair).isCloseTo(pair.getDouble("statistic"), within(1e-6));
      assertThat(result[1]).as("p-value of %s", pair).isCloseTo(pair.getDouble("pvalue_auto"), within(1e-6));
    }
  }

  @Test
  void adwinAndPageHinkleyDetectWhereRiverDocumentsIt() {
    double[] stream = column(SharedData.csv("drift/river_doc_stream.csv"), 0,
        new JsonArray().add(0).add(2000));
    assertThat(detections(new Adwin(), stream)).startsWith(1023L);
    assertThat(detections(new PageHinkley(), stream)).startsWith(1006L);
  }

  @Test
  void pageHinkleyMatchesRiverOnEveryDriftStream() {
    JsonObject reference = new JsonObject(SharedData.text("drift/river_reference_detections.json"))
        .getJsonObject("streams");
    int checked = 0;
    for (String name : reference.fieldNames()) {
      CsvTable stream = stream(name);
      JsonObject perDim = reference.getJsonObject(name).getJsonObject("PageHinkley");
      for (int dim = 0; dim < stream.header().size(); dim++) {
        List<Long> expected = perDim.getJsonObject("x" + dim).getJsonArray("detections").stream()
            .map(v -> ((Number) v).longValue()).toList();
        double[] values = column(stream, dim, new JsonArray().add(0).add(stream.features().count()));
        assertThat(detections(new PageHinkley(), values)).as("%s x%d", name, dim).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(24);
  }

  @Test
  void adwinStaysSilentOnTheControlStreamAndOnUnchangedFeatures() {
    CsvTable control = stream("no_drift");
    for (int dim = 0; dim < 4; dim++) {
      assertThat(detections(new Adwin(), column(control, dim, new JsonArray().add(0).add(10_000)))).isEmpty();
    }
    CsvTable shifted = stream("abrupt_mean_shift");
    assertThat(detections(new Adwin(), column(shifted, 3, new JsonArray().add(0).add(10_000)))).isEmpty();
    assertThat(detections(new Adwin(), column(shifted, 0, new JsonArray().add(0).add(10_000))))
        .singleElement().satisfies(at -> assertThat(at).isBetween(5000L, 5400L));
  }

  private static List<Long> detections(StreamDetector detector, double[] values) {
    List<Long> found = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (detector.update(values[i])) {
        found.add((long) i);
      }
    }
    return found;
  }

  private CsvTable stream(String name) {
    CsvTable table = streams.get(name);
    if (table == null) {
      table = SharedData.csv("drift/" + name + ".csv");
      streams.put(name, table);
    }
    return table;
  }

  /** Rows {@code [start, end)} of one column. */
  private static double[] column(CsvTable table, int dim, JsonArray range) {
    int start = range.getInteger(0);
    int end = range.getInteger(1);
    double[] column = new double[end - start];
    for (int i = start; i < end; i++) {
      column[i - start] = table.features().value(i, dim);
    }
    return Arrays.copyOf(column, column.length);
  }
}
