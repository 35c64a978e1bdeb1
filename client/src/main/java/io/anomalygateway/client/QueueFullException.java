package io.anomalygateway.client;

/**
 * A request could not wait for a connection: the queue held {@link ClientOptions#getMaxQueueSize()} requests. With
 * {@link OverflowPolicy#REJECT} the new request fails; with {@link OverflowPolicy#DROP_OLDEST} the oldest one does.
 */
public final class QueueFullException extends AnomalyClientException {

  private static final long serialVersionUID = 1L;

  /**
   * @param size the queue's capacity
   * @param policy the policy that applied
   */
  public QueueFullException(int size, OverflowPolicy policy) {
    super("The request queue is full (" + size + " requests waiting for a connection; policy "
        + policy.wireName() + ")");
  }
}
