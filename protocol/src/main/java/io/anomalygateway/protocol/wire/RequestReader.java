package io.anomalygateway.protocol.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolError;
import io.anomalygateway.protocol.ProtocolException;

import java.io.IOException;

/**
 * Reads one client message (the text of one frame) into a typed, validated {@link Request}.
 *
 * <p>It streams through the JSON once, parsing numbers straight into {@code double} arrays, and never builds a tree
 * for sample data. Every problem becomes a {@link ProtocolException} with a message that names the field and, when
 * the message held a readable {@code request_id} anywhere (before or after the problem), that id. Parser details
 * (classes, source excerpts) never reach the message. Instances are immutable and thread-safe.
 */
public final class RequestReader {

  /** Deep nesting has no place in this protocol; refusing it early keeps hostile messages cheap. */
  static final int MAX_NESTING_DEPTH = 32;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
      .build();

  private final ReadLimits limits;

  /**
   * @param limits the bounds to enforce
   */
  public RequestReader(ReadLimits limits) {
    this.limits = limits;
  }

  /**
   * @param text the text of one message
   * @return the request it holds
   * @throws ProtocolException when the message is not a valid request
   */
  public Request read(String text) {
    RequestFields fields = new RequestFields(limits);
    try (JsonParser parser = FACTORY.createParser(text)) {
      readObject(parser, fields);
    } catch (StreamConstraintsException e) {
      throw new ProtocolException(new ProtocolError(ErrorCode.INVALID_JSON,
          "The message exceeds the parser's limits (nesting depth " + MAX_NESTING_DEPTH
              + ", number or string length)."), fields.requestId());
    } catch (JsonProcessingException e) {
      throw new ProtocolException(new ProtocolError(ErrorCode.INVALID_JSON, invalidJsonMessage(e)),
          fields.requestId());
    } catch (IOException e) {
      throw new ProtocolException(ProtocolError.generic(ErrorCode.INVALID_JSON), fields.requestId());
    }
    return fields.toRequest();
  }

  /**
   * Finds a request's {@code request_id} without reading anything else: arrays and objects are skipped, never
   * materialised, so that a request refused before it is read (over a memory budget) can still be named in the
   * refusal at no allocation beyond the id.
   *
   * @param text a request as received
   * @return its top-level {@code request_id} if it is a string, else {@code null} (also for text that is not JSON)
   */
  public static String requestIdOf(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        boolean wanted = "request_id".equals(parser.currentName());
        JsonToken value = parser.nextToken();
        if (wanted) {
          return value == JsonToken.VALUE_STRING ? parser.getText() : null;
        }
        parser.skipChildren();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void readObject(JsonParser parser, RequestFields fields) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new ProtocolException(ErrorCode.INVALID_JSON, "The message is empty.");
    }
    if (first != JsonToken.START_OBJECT) {
      parser.skipChildren();
      requireEnd(parser);
      throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "The message must be a JSON object, not "
          + describe(first) + ".");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      fields.read(name, parser);
    }
    requireEnd(parser);
  }

  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new ProtocolException(ErrorCode.INVALID_JSON, "The message must hold exactly one JSON value.");
    }
  }

  private static String invalidJsonMessage(JsonProcessingException e) {
    if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
      return ErrorCode.INVALID_JSON.genericMessage();
    }
    return "The message is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
        + e.getLocation().getColumnNr() + "); NaN and Infinity are not JSON numbers.";
  }

  /**
   * @param token a JSON token
   * @return how a person would name its kind
   */
  static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return "an unexpected token";
    }
  }
}
