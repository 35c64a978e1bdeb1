package io.anomalygateway.bench.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * What the load generator needs from a response, read in one streaming pass so that the generator spends little of
 * the machine it shares with the server.
 *
 * @param type the message type
 * @param requestId the echoed request id
 * @param success the success flag
 * @param complete whether the fields a client relies on are present (sample id, verdict, score; one entry per row)
 * @param rows the rows it answers (1 for a result)
 * @param refitting whether a model was being refitted while the sample was scored
 */
record Response(String type, String requestId, boolean success, boolean complete, int rows, boolean refitting) {

  private static final JsonFactory JSON = new JsonFactory();

  static Response read(String text) throws IOException {
    String type = null;
    String requestId = null;
    boolean success = false;
    boolean sampleId = false;
    boolean verdict = false;
    boolean score = false;
    boolean refitting = false;
    int rows = 0;
    try (JsonParser parser = JSON.createParser(text)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (name) {
          case "type" -> type = parser.getText();
          case "request_id" -> requestId = parser.getText();
          case "success" -> success = value == JsonToken.VALUE_TRUE;
          case "sample_id" -> sampleId = value == JsonToken.VALUE_STRING;
          case "is_anomaly" -> verdict = value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE;
          case "confidence_score" -> score = value.isNumeric();
          case "metadata" -> refitting = readRefitting(parser);
          case "results" -> rows = countEntries(parser);
          default -> parser.skipChildren();
        }
      }
    }
    boolean complete = "batch_result".equals(type) ? rows > 0 : sampleId && verdict && score;
    return new Response(type, requestId, success, complete, "result".equals(type) ? 1 : rows, refitting);
  }

  private static boolean readRefitting(JsonParser parser) throws IOException {
    boolean refitting = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("refitting".equals(name)) {
        refitting = value == JsonToken.VALUE_TRUE;
      } else {
        parser.skipChildren();
      }
    }
    return refitting;
  }

  private static int countEntries(JsonParser parser) throws IOException {
    int count = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      parser.skipChildren();
      count++;
    }
    return count;
  }
}
