package io.anomalygateway.launcher;

import io.anomalygateway.protocol.Addresses;
import io.anomalygateway.protocol.Topic;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The TCP event-bus bridge, spoken to with a raw socket (4-byte length, then JSON) as a service in any language
 * would: the SockJS bridge's rules, a token on the first frame, and a frame size limit.
 */
@ExtendWith(VertxExtension.class)
@Timeout(60)
class TcpBridgeTest extends SecuredGatewayTest {

  private int bridgePort;

  @Override
  protected JsonObject configChanges() {
    return new JsonObject().put("tcp_bridge", new JsonObject().put("enabled", true).put("port", 0)
        .put("max_frame_size", 4096));
  }

  @BeforeEach
  void findTheBridge() {
    bridgePort = gatewayVerticle.tcpPort();
  }

  /** A raw bridge connection: frames of a 4-byte big-endian length and JSON. */
  private final class Frames implements AutoCloseable {
    private final Socket socket = new Socket("127.0.0.1", bridgePort);
    private final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    private final DataInputStream in = new DataInputStream(socket.getInputStream());

    Frames() throws IOException {
      socket.setSoTimeout(20_000);
    }

    void send(JsonObject frame) throws IOException {
      byte[] json = frame.encode().getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      out.flush();
    }

    JsonObject next() throws IOException {
      byte[] json = new byte[in.readInt()];
      in.readFully(json);
      return new JsonObject(new String(json, StandardCharsets.UTF_8));
    }

    /** @return the next frame to the address, skipping others */
    JsonObject nextTo(String address) throws IOException {
      JsonObject frame = next();
      while (!address.equals(frame.getString("address"))) {
        frame = next();
      }
      return frame;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static JsonObject sample(String session, String token, String replyAddress, double... values) {
    JsonArray data = new JsonArray();
    for (double value : values) {
      data.add(value);
    }
    return new JsonObject().put("type", "send").put("address", Addresses.GATEWAY_REQUEST)
        .put("replyAddress", replyAddress).put("headers", new JsonObject().put("token", token))
        .put("body", new JsonObject().put("type", "sample").put("session_id", session).put("data", data)
            .put("request_id", replyAddress));
  }

  private static String producer() {
    return Tokens.hs256("bridge-producer", List.of("producer"), List.of("*"));
  }

  @Test
  void aFrameWithoutATokenIsRefused() throws IOException {
    try (Frames bridge = new Frames()) {
      bridge.send(new JsonObject().put("type", "register").put("address", Topic.ANOMALIES.address("s1")));
      JsonObject refused = bridge.next();
      assertThat(refused.getString("type")).isEqualTo("err");
    }
  }

  @Test
  void anAddressThatIsNotPermittedIsRefused() throws IOException {
    try (Frames bridge = new Frames()) {
      bridge.send(new JsonObject().put("type", "send").put("address", "anomaly.detector.score")
          .put("headers", new JsonObject().put("token", producer())).put("body", new JsonObject()));
      JsonObject refused = bridge.next();
      assertThat(refused.getString("type")).isEqualTo("err");
      assertThat(refused.getString("message")).isIn("access_denied", "blocked by bridgeEvent handler");
    }
  }

  @Test
  void aViewerCannotSendSamples() throws IOException {
    String viewer = Tokens.hs256("bridge-viewer", List.of("viewer"), List.of("*"));
    try (Frames bridge = new Frames()) {
      bridge.send(sample("tcp-viewer", viewer, "v-1", 1, 2));
      JsonObject refused = bridge.next();
      assertThat(refused.getString("type")).isEqualTo("err");
    }
  }

  @Test
  void anOversizedFrameClosesTheConnection() throws IOException {
    try (Frames bridge = new Frames()) {
      bridge.out.writeInt(1_000_000);
      bridge.out.write(new byte[100]);
      bridge.out.flush();
      assertThat(bridge.next().getString("message")).isEqualTo("frame_too_large");
      assertThatThrownBy(bridge::next).isInstanceOf(EOFException.class);
    }
  }

  @Test
  void samplesSentThroughTheBridgeAreScored() throws IOException {
    try (Frames bridge = new Frames()) {
      bridge.send(sample("tcp-scored", producer(), "s-1", 1, 2, 3));
      JsonObject reply = bridge.nextTo("s-1");
      assertThat(reply.getString("type")).isEqualTo("message");
      JsonObject result = reply.getJsonObject("body");
      assertThat(result.getString("type")).isEqualTo("result");
      assertThat(result.getString("request_id")).isEqualTo("s-1");
      assertThat(result.getJsonObject("metadata").getInteger("buffer_size")).isEqualTo(1);
      bridge.send(sample("tcp-scored", producer(), "s-2", 2, 3, 4).put("headers", new JsonObject()));
      assertThat(bridge.nextTo("s-2").getJsonObject("body").getJsonObject("metadata").getInteger("buffer_size"))
          .as("later frames need no token").isEqualTo(2);
    }
  }

  @Test
  void aPermittedSubscriptionReceivesAnomalyEvents() throws IOException {
    String viewer = Tokens.hs256("bridge-viewer", List.of("viewer"), List.of("tcp-watched"));
    String topic = Topic.ANOMALIES.address("tcp-watched");
    try (Frames watcher = new Frames(); Frames producer = new Frames()) {
      watcher.send(new JsonObject().put("type", "register").put("address", topic)
          .put("headers", new JsonObject().put("token", viewer)));
      java.util.Random random = new java.util.Random(3);
      int sent = 0;
      for (; sent < 150; sent++) {
        producer.send(sample("tcp-watched", producer(), "w-" + sent, random.nextGaussian(), random.nextGaussian()));
        producer.nextTo("w-" + sent);
      }
      JsonObject anomaly = null;
      for (int tries = 0; anomaly == null && tries < 300; tries++, sent++) {
        producer.send(sample("tcp-watched", producer(), "w-" + sent, 40, 40));
        if (producer.nextTo("w-" + sent).getJsonObject("body").getBoolean("is_anomaly")) {
          anomaly = watcher.nextTo(topic);
        }
      }
      assertThat(anomaly).isNotNull();
      assertThat(anomaly.getJsonObject("body").getString("type")).isEqualTo("anomaly");
      assertThat(anomaly.getJsonObject("body").getString("session_id")).isEqualTo("tcp-watched");
    }
  }

  @Test
  void aConnectionEndsWithItsToken() throws IOException {
    String shortLived = Tokens.expiringIn(2, "bridge-short", List.of("viewer"), List.of("tcp-expiring"));
    try (Frames bridge = new Frames()) {
      bridge.send(new JsonObject().put("type", "register").put("address", Topic.ANOMALIES.address("tcp-expiring"))
          .put("headers", new JsonObject().put("token", shortLived)));
      JsonObject told = bridge.next();
      assertThat(told.getString("message")).isEqualTo("token_expired");
      assertThatThrownBy(bridge::next).isInstanceOf(EOFException.class);
    }
  }
}
