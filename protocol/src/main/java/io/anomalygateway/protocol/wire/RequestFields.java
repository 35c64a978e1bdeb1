package io.anomalygateway.protocol.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.anomalygateway.protocol.Algorithm;
import io.anomalygateway.protocol.ConfigUpdate;
import io.anomalygateway.protocol.DriftMethod;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.RequestType;
import io.anomalygateway.protocol.Samples;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The fields of one message as they are read, in any order; turns them into a {@link Request} at the end.
 *
 * <p>A bad field does not stop the reading: the first problem is kept and thrown once the whole message has been
 * read, so that the error can echo a {@code request_id} that comes after the bad field.
 */
final class RequestFields {

  private static final int MAX_ECHO = 64;
  private static final int MAX_TIMESTAMP_LENGTH = 64;
  private static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private final ReadLimits limits;
  private final SampleArrayReader arrays;
  private String type;
  private boolean typePresent;
  private String requestId;
  private Samples data;
  private Samples batchData;
  private String algorithm;
  private String timestamp;
  private JsonObject config;
  private Double windowSize;
  private String method;
  private Double alpha;
  private boolean reset;
  private String token;
  private ProtocolException problem;

  RequestFields(ReadLimits limits) {
    this.limits = limits;
    this.arrays = new SampleArrayReader(limits);
  }

  String requestId() {
    return requestId;
  }

  void read(String name, JsonParser parser) throws IOException {
    try {
      switch (name) {
        case "type":
          typePresent = true;
          type = string(parser, name);
          break;
        case "request_id":
          readRequestId(parser);
          break;
        case "data":
          data = arrays.readRow(parser);
          break;
        case "batch_data":
          batchData = arrays.readBatch(parser);
          break;
        case "algorithm":
          algorithm = string(parser, name);
          break;
        case "timestamp":
          timestamp = string(parser, name);
          break;
        case "config":
          config = FlatObjectReader.read(parser);
          break;
        case "window_size":
          windowSize = number(parser, name);
          break;
        case "method":
          method = string(parser, name);
          break;
        case "alpha":
          alpha = number(parser, name);
          break;
        case "reset":
          reset = bool(parser, name);
          break;
        case "token":
          token = string(parser, name);
          if (token != null && token.length() > MAX_TOKEN_LENGTH) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "'token' is too long.");
          }
          break;
        default:
          parser.skipChildren();
      }
    } catch (ProtocolException e) {
      if (problem == null) {
        problem = e;
      }
    }
  }

  private void readRequestId(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.VALUE_STRING) {
      parser.skipChildren();
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'request_id' must be a string.");
    }
    String text = parser.getText();
    if (text.length() > limits.maxIdLength()) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'request_id' must be at most " + limits.maxIdLength()
          + " characters.");
    }
    requestId = text;
  }

  private static String string(JsonParser parser, String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      parser.skipChildren();
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + name + "' must be a string, not "
          + RequestReader.describe(token) + ".");
    }
    return parser.getText();
  }

  private static Double number(JsonParser parser, String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isNumeric()) {
      parser.skipChildren();
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + name + "' must be a number, not "
          + RequestReader.describe(token) + ".");
    }
    return parser.getDoubleValue();
  }

  private static boolean bool(JsonParser parser, String name) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    parser.skipChildren();
    throw new ProtocolException(ErrorCode.INVALID_FIELD, "'" + name + "' must be true or false.");
  }

  private DriftRequest drift() {
    Integer window = null;
    if (windowSize != null) {
      if (windowSize != Math.rint(windowSize) || windowSize < DriftRequest.MIN_WINDOW_SIZE
          || windowSize > Integer.MAX_VALUE) {
        throw new ProtocolException(ErrorCode.INVALID_FIELD, "'window_size' must be a whole number of at least "
            + DriftRequest.MIN_WINDOW_SIZE + ".");
      }
      window = windowSize.intValue();
    }
    if (alpha != null && !(alpha > 0 && alpha < 1)) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD, "'alpha' must be between 0 and 1.");
    }
    return new DriftRequest(requestId, window, method == null ? null : DriftMethod.ofWireName(method), alpha, reset);
  }

  Request toRequest() {
    try {
      return build(requestType());
    } catch (ProtocolException e) {
      throw e.withRequestId(requestId);
    }
  }

  private RequestType requestType() {
    if (type == null) {
      throw new ProtocolException(ErrorCode.MISSING_TYPE, typePresent
          ? "'type' must be a string naming the message type." : "The message has no 'type' field.");
    }
    RequestType requestType = RequestType.ofWireName(type);
    if (requestType == null) {
      throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "Unknown message type '" + echo(type) + "'.");
    }
    return requestType;
  }

  private Request build(RequestType requestType) {
    if (problem != null) {
      throw problem;
    }
    switch (requestType) {
      case SAMPLE:
        if (data == null) {
          throw new ProtocolException(ErrorCode.INVALID_DATA, "A 'sample' needs 'data': an array of finite numbers.");
        }
        return new SampleRequest(requestId, data, algorithm(), timestamp());
      case BATCH:
        if (batchData == null) {
          throw new ProtocolException(ErrorCode.INVALID_DATA, "A 'batch' needs 'batch_data': an array of rows.");
        }
        return new BatchRequest(requestId, batchData, algorithm());
      case STATS:
        return new StatsRequest(requestId);
      case PING:
        return new PingRequest(requestId);
      case CONFIG:
        return new ConfigRequest(requestId, ConfigUpdate.fromJson(config));
      case DRIFT:
        return drift();
      case REFRESH:
        if (token == null || token.isEmpty()) {
          throw new ProtocolException(ErrorCode.INVALID_FIELD, "A 'refresh' needs 'token': the new bearer token.");
        }
        return new RefreshRequest(requestId, token);
      default:
        return SubscribeRequest.of(requestType, requestId, config);
    }
  }

  private Algorithm algorithm() {
    return algorithm == null ? null : Algorithm.ofWireName(algorithm);
  }

  private String timestamp() {
    if (timestamp == null) {
      return null;
    }
    try {
      if (timestamp.length() > MAX_TIMESTAMP_LENGTH) {
        throw new DateTimeParseException("too long", timestamp, 0);
      }
      DateTimeFormatter.ISO_DATE_TIME.parse(timestamp);
      return timestamp;
    } catch (DateTimeParseException e) {
      throw new ProtocolException(ErrorCode.INVALID_FIELD,
          "'timestamp' must be an ISO-8601 date-time such as 2025-07-23T10:30:01Z.");
    }
  }

  private static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
  }
}
