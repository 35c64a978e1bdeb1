package io.anomalygateway.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client written against the bytes of RFC 6455, for frames a well-behaved client library will not send
 * (a text frame whose payload is not UTF-8).
 */
final class RawWebSocket implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  RawWebSocket(int port, String path, String token) throws IOException {
    socket = new Socket("localhost", port);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Authorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    String head = readHead();
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
    }
  }

  /** Sends one final, masked text frame holding exactly these bytes. */
  void sendText(byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x81);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xFF);
    }
    byte[] mask = {1, 2, 3, 4};
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /**
   * @return the next frame from the server (the welcome skipped), as {@code "text:..."}, {@code "ping"},
   *     {@code "close:<status>"}, or {@code "eof"}; pings are not answered
   */
  String nextFrame() throws IOException {
    while (true) {
      int first = in.read();
      if (first < 0) {
        return "eof";
      }
      int length = in.read() & 0x7F;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      } else if (length == 127) {
        long big = 0;
        for (int i = 0; i < 8; i++) {
          big = (big << 8) | in.read();
        }
        length = (int) big;
      }
      byte[] payload = in.readNBytes(length);
      int opcode = first & 0x0F;
      if (opcode == 0x9) {
        return "ping";
      }
      if (opcode == 0x8) {
        return "close:" + (payload.length >= 2 ? ((payload[0] & 0xFF) << 8 | (payload[1] & 0xFF)) : 1005);
      }
      if (opcode == 0x1) {
        String text = new String(payload, StandardCharsets.UTF_8);
        if (!text.contains("\"welcome\"")) {
          return "text:" + text;
        }
      }
    }
  }

  private String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      head.append((char) next);
    }
    return head.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
