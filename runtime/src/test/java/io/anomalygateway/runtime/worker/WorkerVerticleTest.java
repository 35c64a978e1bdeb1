package io.anomalygateway.runtime.worker;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.runtime.cluster.Service;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one shape of a worker: its answers on its own addresses, the one mapping of its failures to protocol errors,
 * and the idle sweep's cadence.
 */
@ExtendWith(VertxExtension.class)
class WorkerVerticleTest {

  private static final String ADDRESS = "anomaly.test.echo";

  /** A worker whose answers are chosen by the request. */
  static final class EchoWorker extends WorkerVerticle {

    EchoWorker() {
      super(Service.DRIFT);
    }

    @Override
    protected Future<?> startService() {
      this.<JsonObject, String>answer(ADDRESS, body -> switch (body.getString("do")) {
        case "refuse" -> throw new ProtocolException(ErrorCode.INVALID_FIELD, "'window_size' is wrong.");
        case "break" -> throw new IllegalStateException("internal detail /var/lib/secret");
        default -> "echo " + body.getString("do");
      });
      return Future.succeededFuture();
    }

    @Override
    protected Duration idleTimeout() {
      return Duration.ofMinutes(30);
    }

    @Override
    protected int sweepIdle(long now) {
      return 0;
    }

    @Override
    protected void fenced() {
    }
  }

  private static Object ask(Vertx vertx, EchoWorker worker, String what) throws Exception {
    return vertx.eventBus().request(Addresses.ofInstance(ADDRESS, worker.instanceId),
        new JsonObject().put("do", what)).map(reply -> (Object) reply.body()).otherwise(failure -> failure).await(10, TimeUnit.SECONDS);
  }

  private static EchoWorker deployed(Vertx vertx) throws Exception {
    EchoWorker worker = new EchoWorker();
    vertx.deployVerticle(worker).await(10, TimeUnit.SECONDS);
    return worker;
  }

  @Test
  void answersOnItsOwnAddress(Vertx vertx) throws Exception {
    assertThat(ask(vertx, deployed(vertx), "hello")).isEqualTo("echo hello");
  }

  @Test
  void aRefusalTravelsWithItsCodeAndText(Vertx vertx) throws Exception {
    ReplyException failure = (ReplyException) ask(vertx, deployed(vertx), "refuse");
    assertThat(failure.failureCode()).isEqualTo(ErrorCode.INVALID_FIELD.failureCode());
    assertThat(failure.getMessage()).contains("'window_size' is wrong.");
  }

  @Test
  void aDefectIsAnInternalErrorThatLeaksNothing(Vertx vertx) throws Exception {
    EchoWorker worker = deployed(vertx);
    ReplyException failure = (ReplyException) ask(vertx, worker, "break");
    assertThat(failure.failureCode()).isEqualTo(ErrorCode.INTERNAL_ERROR.failureCode());
    assertThat(failure.getMessage()).isEqualTo(ErrorCode.INTERNAL_ERROR.genericMessage()).doesNotContain("secret");
    assertThat(ask(vertx, worker, "again")).as("the worker serves on").isEqualTo("echo again");
  }

  @Test
  void theIdleSweepRunsAtATenthOfTheTimeoutWithinASecondAndAMinute() {
    assertThat(WorkerVerticle.sweepMillis(Duration.ofMinutes(30))).isEqualTo(60_000);
    assertThat(WorkerVerticle.sweepMillis(Duration.ofSeconds(100))).isEqualTo(10_000);
    assertThat(WorkerVerticle.sweepMillis(Duration.ofSeconds(2))).isEqualTo(1_000);
  }
}
