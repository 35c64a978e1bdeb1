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
import io.anomalygateway.runtime.capacity.Reservation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detector state of one session: its settings, its dimension and one {@link SessionModel} per algorithm it
 * used. Sessions share nothing, so one session's data never reaches another's model.
 */
final class DetectorSession {

  /** Bytes of the session's own objects, whatever its models hold. */
  private static final long SESSION_OVERHEAD = 1024;

  private final String id;
  private final ModelCatalog catalog;
  private final Map<Algorithm, SessionModel> models = new EnumMap<>(Algorithm.class);
  private SessionSettings settings;
  private int dimension;
  private long totalSamples;
  private long lastActive;
  private long sinceSnapshot;
  private long snapshotAt = System.nanoTime() - Long.MAX_VALUE / 2;
  private RecentReplies recent;
  private final Reservation reservation = new Reservation();
  private String lastWrite;

  DetectorSession(String id, SessionSettings settings, ModelCatalog catalog) {
    this.id = id;
    this.settings = settings;
    this.catalog = catalog;
  }

  /** @return what the session has reserved from the state budget, and for which token (the one that created it) */
  Reservation reservation() {
    return reservation;
  }

  /**
   * The memory the session will hold once it has scored {@code rows} more samples with an algorithm, and kept the
   * reply: what must be reserved before scoring them. Closed formulas only; nothing is allocated to find out.
   *
   * @param requested the algorithm asked for, or {@code null} for the session's
   * @param rows the samples about to be scored
   * @param dims their dimension
   * @param keepsReply whether the reply will be kept for repeats of the request
   * @return the bytes
   */
  long bytesAfter(Algorithm requested, int rows, int dims, boolean keepsReply) {
    Algorithm algorithm = requested != null ? requested : settings.algorithm();
    int dimension = this.dimension == 0 ? dims : this.dimension;
    long bytes = SESSION_OVERHEAD + (recent == null ? 0 : recent.bytes())
        + (keepsReply ? RecentReplies.estimate(rows) : 0);
    boolean present = false;
    for (Map.Entry<Algorithm, SessionModel> model : models.entrySet()) {
      boolean target = model.getKey() == algorithm;
      present |= target;
      bytes += catalog.footprint(model.getKey(), settings, dimension,
          model.getValue().rowsHeld() + (target ? rows : 0));
    }
    return present ? bytes : bytes + catalog.footprint(algorithm, settings, dimension, rows);
  }

  /** @return the memory the session holds now, by the same formulas as {@link #bytesAfter} */
  long bytes() {
    long bytes = SESSION_OVERHEAD + (recent == null ? 0 : recent.bytes());
    for (Map.Entry<Algorithm, SessionModel> model : models.entrySet()) {
      bytes += catalog.footprint(model.getKey(), settings, dimension, model.getValue().rowsHeld());
    }
    return bytes;
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
    if (requestKey != null && window > 0) {
      replies(window).remember(requestKey, reply);
    }
  }

  private RecentReplies replies(int window) {
    if (recent == null) {
      recent = new RecentReplies(window);
    }
    return recent;
  }

  SessionModel model(Algorithm algorithm) {
    return models.computeIfAbsent(algorithm, a -> catalog.create(a, settings, dimension));
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

  /** @return when the last snapshot was taken ({@link System#nanoTime()}), long ago if never */
  long snapshotAt() {
    return snapshotAt;
  }

  /**
   * @return the token of the latest snapshot this session's state was written as or restored from, or
   *     {@code null}: a stored snapshot with another token was written by another detector since
   */
  String lastWrite() {
    return lastWrite;
  }

  /**
   * @param writer a token unique to this write (the writing instance and a sequence number), kept in the snapshot
   * @return the session's state, for another detector to go on from; counts as the latest snapshot
   */
  SessionSnapshot snapshot(String writer) {
    lastWrite = writer;
    sinceSnapshot = 0;
    snapshotAt = System.nanoTime();
    List<ModelSnapshot> snapshots = new ArrayList<>(models.size());
    for (SessionModel model : models.values()) {
      snapshots.add(model.snapshot());
    }
    return new SessionSnapshot(settings, dimension, totalSamples, snapshots, reservation.tenant(),
        recent == null ? Map.of() : new LinkedHashMap<>(recent.entries()), writer);
  }

  /**
   * Takes over the state of a snapshot, in a session that has seen nothing yet.
   *
   * @param snapshot the session's state as another detector (or this process before a restart) left it
   * @param dedupWindow how many of its kept replies to keep
   */
  void restore(SessionSnapshot snapshot, int dedupWindow) {
    settings = snapshot.settings();
    dimension = snapshot.dimension();
    totalSamples = snapshot.totalSamples();
    reservation.claim(snapshot.tenant());
    lastWrite = snapshot.writer();
    for (ModelSnapshot model : snapshot.models()) {
      models.put(model.algorithm(), catalog.restore(model, settings, dimension));
    }
    if (dedupWindow > 0) {
      snapshot.replies().forEach((key, reply) -> replies(dedupWindow).remember(key, reply));
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
