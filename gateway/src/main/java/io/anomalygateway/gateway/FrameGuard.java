package io.anomalygateway.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * Watches a TCP bridge stream's framing (a 4-byte big-endian length, then that many bytes of JSON) as it passes,
 * and stops a frame that announces more than the limit before any of its body is buffered: the bridge's own parser
 * would otherwise wait for, and hold, whatever length a client claims.
 */
final class FrameGuard implements Handler<Buffer> {

  private final int maxFrameSize;
  private final Handler<Buffer> forward;
  private final Runnable tooLarge;
  private int headerRead;
  private int length;
  private long bodyLeft;
  private boolean stopped;

  FrameGuard(int maxFrameSize, Handler<Buffer> forward, Runnable tooLarge) {
    this.maxFrameSize = maxFrameSize;
    this.forward = forward;
    this.tooLarge = tooLarge;
  }

  @Override
  public void handle(Buffer chunk) {
    if (stopped) {
      return;
    }
    int position = 0;
    while (position < chunk.length()) {
      if (bodyLeft > 0) {
        int take = (int) Math.min(bodyLeft, chunk.length() - position);
        bodyLeft -= take;
        position += take;
        continue;
      }
      length = (length << 8) | (chunk.getByte(position++) & 0xff);
      if (++headerRead == 4) {
        if (length < 0 || length > maxFrameSize) {
          stopped = true;
          tooLarge.run();
          return;
        }
        bodyLeft = length;
        headerRead = 0;
        length = 0;
      }
    }
    forward.handle(chunk);
  }
}
