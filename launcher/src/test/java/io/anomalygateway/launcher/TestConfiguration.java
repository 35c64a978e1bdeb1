package io.anomalygateway.launcher;

import io.anomalygateway.runtime.config.PackagedDefaults;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The packaged defaults for a server in a test: its session snapshots go to a data directory of its own. */
final class TestConfiguration {

  private TestConfiguration() {
  }

  /** @return {@link Configuration#defaults()} with a fresh temporary {@code persistence.data_dir} */
  static JsonObject defaults() {
    try {
      String dir = Files.createTempDirectory("anomaly-data").toString();
      return PackagedDefaults.all().put("persistence", new JsonObject().put("data_dir", dir)
          .put("commit_interval", 1.0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
