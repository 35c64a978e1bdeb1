package io.anomalygateway.protocol.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;

/**
 * Reads a {@code config} object, whose values are all scalars, into a {@link JsonObject}. The one exception is
 * {@code since} (a subscription's position), itself an object of scalars: nothing nests deeper.
 */
final class FlatObjectReader {

  private FlatObjectReader() {
  }

  static JsonObject read(JsonParser parser) throws IOException {
    return read(parser, true);
  }

  private static JsonObject read(JsonParser parser, boolean top) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      parser.skipChildren();
      throw new ProtocolException(ErrorCode.INVALID_CONFIG, "'config' must be an object.");
    }
    JsonObject object = new JsonObject();
    ProtocolException problem = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (value) {
        case VALUE_STRING:
          object.put(name, parser.getText());
          break;
        case VALUE_NUMBER_INT:
          object.put(name, parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue());
          break;
        case VALUE_NUMBER_FLOAT:
          object.put(name, parser.getDoubleValue());
          break;
        case VALUE_TRUE:
        case VALUE_FALSE:
          object.put(name, parser.getBooleanValue());
          break;
        case VALUE_NULL:
          break;
        case START_OBJECT:
          if (top && "since".equals(name)) {
            try {
              object.put(name, read(parser, false));
            } catch (ProtocolException nested) {
              // The nested object was read to its end: report its problem once the whole config is read.
              problem = problem == null ? nested : problem;
            }
            break;
          }
          parser.skipChildren();
          if (problem == null) {
            problem = new ProtocolException(ErrorCode.INVALID_CONFIG, "Setting values must be strings, numbers "
                + "or booleans.");
          }
          break;
        default:
          parser.skipChildren();
          if (problem == null) {
            problem = new ProtocolException(ErrorCode.INVALID_CONFIG, "Setting values must be strings, numbers "
                + "or booleans.");
          }
      }
    }
    if (problem != null) {
      throw problem;
    }
    return object;
  }
}
