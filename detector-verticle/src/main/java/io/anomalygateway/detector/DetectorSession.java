package io.anomalygateway.detector;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.SessionSettings;
import io.anomalygateway.protocol.bus.DetectorLoad;
import io.anomalygateway.protocol.bus.ModelStats;
import io.anomalygateway.protocol.bus.ScoreReply;
import io.anomalygateway.protocol.bus.SessionStats;
import io.anomalygateway.protocol.bus.Verdict;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The detector state of one session: its settings, its dimension and one {@link SessionModel} per algorithm it
 * used. Sessions share nothing, so one session's data never reaches another's model.
 */
final class DetectorSession {

  /** Creates a session's model of an algorithm, for the session's settings and dimension. */
  @FunctionalInterface
  interface ModelFactory {
    SessionModel create(Algorithm algorithm, SessionSettings settings, int dimension);
  }

  /** Rebuilds a session's model from its snapshot. */
  @FunctionalInterface
  interface ModelRestorer {
    SessionModel restore(ModelSnapshot snapshot, SessionSettings settings, int dimension);
  }

  private final String id;
  private final ModelFactory factory;
  private final Map<Algorithm, SessionModel> models = new EnumMap<>(Algorithm.class);
  private SessionSettings settings;
  private int dimension;
  private long totalSamples;
  private long lastActive;
  private long sinceSnapshot;
  private RecentReplies recent;

  DetectorSession(String id, SessionSettings settings, ModelFactory factory) {
    this.id = id;
    this.settings = settings;
    this.factory = factory;
  }

  String id() {
    return id;
  }

  void touch(long now) {
    lastActive = now;
  }

  long lastActive() {
    return lastActive;
  }

  SessionSettings settings() {
    return settings;
  }

  /**
   * Scores samples in order and adds them to the chosen model's buffer.
   *
   * @throws ProtocolException with {@link ErrorCode#DIMENSION_MISMATCH} when their dimension is not the session's
   */
  ScoreReply score(Algorithm requested, Samples samples) {
    if (dimension == 0) {
      dimension = samples.dims();
    } else if (samples.dims() != dimension) {
      throw new ProtocolException(ErrorCode.DIMENSION_MISMATCH, "This session's samples have " + dimension
          + " values; this one has " + samples.dims() + ".");
    }
    Algorithm algorithm = requested != null ? requested : settings.algorithm();
    SessionModel model = model(algorithm);
    List<Verdict> verdicts = new ArrayList<>(samples.count());
    double[] values = samples.values();
    for (int row = 0; row < samples.count(); row++) {
      verdicts.add(model.score(values, row * dimension));
    }
    totalSamples += samples.count();
    sinceSnapshot += samples.count();
    return new ScoreReply(algorithm, model.isFitted(), model.isFitting(), model.threshold(), verdicts);
  }

  /** @return the reply already given to the request of this key, or {@code null} (also for a {@code null} key) */
  ScoreReply repliedTo(String requestKey) {
    return requestKey == null || recent == null ? null : recent.find(requestKey);
  }

  /** Keeps a reply for repeats of its request; the window is allocated with the first request that has a key. */
  void remember(String requestKey, ScoreReply reply, int window) {
    if (requestKey == null || window <= 0) {
      return;
    }
    if (recent == null) {
      recent = new RecentReplies(window);
    }
    recent.remember(requestKey, reply);
  }

  SessionModel model(Algorithm algorithm) {
    return models.computeIfAbsent(algorithm, a -> factory.create(a, settings, dimension));
  }

  /** Applies a settings update to the session and all its models. */
  SessionSettings configure(ConfigUpdate update) {
    SessionSettings next = settings.apply(update);
    boolean modelSettingsChanged = next.reshapesModelsComparedTo(settings);
    settings = next;
    for (SessionModel model : models.values()) {
      model.reconfigure(next, modelSettingsChanged);
    }
    return next;
  }

  /** After a drift: every model keeps only the samples since the change and refits on them. */
  void forgetBefore(int recent) {
    for (SessionModel model : models.values()) {
      model.forgetBefore(recent);
    }
  }

  /** @return whether {@code interval} samples (at least one) arrived since the last snapshot */
  boolean isSnapshotDue(int interval) {
    return interval > 0 && sinceSnapshot >= interval;
  }

  /** @return the session's state, for another detector to go on from; counts as the latest snapshot */
  SessionSnapshot snapshot() {
    sinceSnapshot = 0;
    List<ModelSnapshot> snapshots = new ArrayList<>(models.size());
    for (SessionModel model : models.values()) {
      snapshots.add(model.snapshot());
    }
    return new SessionSnapshot(settings, dimension, totalSamples, snapshots);
  }

  /**
   * Takes over the state of a snapshot, in a session that has seen nothing yet.
   *
   * @param snapshot the session's state as another detector left it
   * @param restorer rebuilds each model from its snapshot
   */
  void restore(SessionSnapshot snapshot, ModelRestorer restorer) {
    settings = snapshot.settings();
    dimension = snapshot.dimension();
    totalSamples = snapshot.totalSamples();
    for (ModelSnapshot model : snapshot.models()) {
      models.put(model.algorithm(), restorer.restore(model, settings, dimension));
    }
  }

  /** @return the session's models */
  Iterable<SessionModel> models() {
    return models.values();
  }

  SessionStats stats(DetectorLoad load) {
    List<ModelStats> stats = new ArrayList<>();
    for (SessionModel model : models.values()) {
      stats.add(model.stats());
    }
    return new SessionStats(id, settings, dimension, totalSamples, stats, load);
  }
}
