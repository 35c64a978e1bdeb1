package io.anomalygateway.gateway;

import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ProcessingMode;
import io.anomalygateway.protocol.Samples;
import io.anomalygateway.protocol.wire.SampleRequest;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;

/**
 * In batch processing mode, accumulates a connection's samples and sends them to the detector together, once
 * {@code batch_size} have arrived or {@code batch_timeout} after the first one; each sample is still answered with
 * its own {@code result}.
 *
 * <p>A pending batch holds samples of one algorithm and one dimension: a sample that differs sends the pending ones
 * first, so that one client's wrong sample never fails its neighbours.
 */
final class SampleBatcher {

  /** A sample waiting to be sent, with the time it arrived. */
  record Pending(SampleRequest request, long receivedAt) {
  }

  private final Vertx vertx;
  private final Peer connection;
  private final RequestHandler handler;
  private List<Pending> pending = new ArrayList<>();
  private long timer = -1;

  SampleBatcher(Vertx vertx, Peer connection, RequestHandler handler) {
    this.vertx = vertx;
    this.connection = connection;
    this.handler = handler;
  }

  /** @return true when the connection is in batch mode and the sample was queued */
  boolean offer(SampleRequest request, long receivedAt) {
    if (connection.settings().processingMode() != ProcessingMode.BATCH) {
      return false;
    }
    if (!pending.isEmpty() && !fits(request)) {
      flush();
    }
    pending.add(new Pending(request, receivedAt));
    if (pending.size() >= connection.settings().batchSize()) {
      flush();
    } else if (timer < 0) {
      long delay = Math.max(1L, Math.round(connection.settings().batchTimeout() * 1000));
      timer = vertx.setTimer(delay, id -> {
        timer = -1;
        flush();
      });
    }
    return true;
  }

  private boolean fits(SampleRequest request) {
    SampleRequest first = pending.get(0).request();
    return first.algorithm() == request.algorithm() && first.data().dims() == request.data().dims();
  }

  /** Sends the pending samples now, if there are any. */
  void flush() {
    cancelTimer();
    if (pending.isEmpty()) {
      return;
    }
    List<Pending> batch = pending;
    pending = new ArrayList<>();
    int dims = batch.get(0).request().data().dims();
    double[] values = new double[batch.size() * dims];
    for (int i = 0; i < batch.size(); i++) {
      System.arraycopy(batch.get(i).request().data().values(), 0, values, i * dims, dims);
    }
    Algorithm algorithm = batch.get(0).request().algorithm();
    handler.scoreBatched(connection, algorithm, new Samples(dims, values), batch);
  }

  private void cancelTimer() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
