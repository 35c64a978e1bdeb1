package io.anomalygateway.alerts;

import io.vertx.core.json.JsonObject;

/**
 * Settings of the alerts verticle. Keys are those of the {@code alerts} section of the configuration file; every
 * setter validates its value.
 */
public class AlertsOptions {

  /** Default rules: the file packaged in the jar. */
  public static final String DEFAULT_RULES_FILE = "config/alerts.json";
  /** Default seconds between two checks of the rules file for changes. */
  public static final double DEFAULT_RELOAD_INTERVAL = 5.0;
  /** Default seconds a quiet session's or node's alert state is kept. */
  public static final double DEFAULT_IDLE_TIMEOUT = 1800.0;

  private String rulesFile = DEFAULT_RULES_FILE;
  private double reloadInterval = DEFAULT_RELOAD_INTERVAL;
  private double idleTimeout = DEFAULT_IDLE_TIMEOUT;

  /** Options with every default. */
  public AlertsOptions() {
  }

  /**
   * @param json the {@code alerts} section of the configuration; absent keys keep their defaults
   */
  public AlertsOptions(JsonObject json) {
    setRulesFile(json.getString("rules_file", DEFAULT_RULES_FILE));
    setReloadInterval(json.getDouble("reload_interval", DEFAULT_RELOAD_INTERVAL));
    setIdleTimeout(json.getDouble("idle_timeout", DEFAULT_IDLE_TIMEOUT));
  }

  /** @return the options as the {@code alerts} section of the configuration */
  public JsonObject toJson() {
    return new JsonObject().put("rules_file", rulesFile).put("reload_interval", reloadInterval)
        .put("idle_timeout", idleTimeout);
  }

  /** @return the rules file: a path, or the packaged {@code config/alerts.json} */
  public String getRulesFile() {
    return rulesFile;
  }

  /**
   * @param rulesFile the rules file: a path, or a resource of the jar
   * @return this
   */
  public AlertsOptions setRulesFile(String rulesFile) {
    if (rulesFile == null || rulesFile.isBlank()) {
      throw new IllegalArgumentException("rules_file must not be empty");
    }
    this.rulesFile = rulesFile;
    return this;
  }

  /** @return seconds between two checks of the rules file for changes */
  public double getReloadInterval() {
    return reloadInterval;
  }

  /**
   * @param reloadInterval seconds between two checks of the rules file, positive
   * @return this
   */
  public AlertsOptions setReloadInterval(double reloadInterval) {
    if (!(reloadInterval > 0) || Double.isInfinite(reloadInterval)) {
      throw new IllegalArgumentException("reload_interval must be a positive number of seconds, got "
          + reloadInterval);
    }
    this.reloadInterval = reloadInterval;
    return this;
  }

  /** @return seconds a quiet session's or node's alert state is kept */
  public double getIdleTimeout() {
    return idleTimeout;
  }

  /**
   * @param idleTimeout seconds a quiet subject's alert state is kept, positive
   * @return this
   */
  public AlertsOptions setIdleTimeout(double idleTimeout) {
    if (!(idleTimeout > 0) || Double.isInfinite(idleTimeout)) {
      throw new IllegalArgumentException("idle_timeout must be a positive number of seconds, got " + idleTimeout);
    }
    this.idleTimeout = idleTimeout;
    return this;
  }
}
