package io.anomalygateway.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code sdk/asyncapi.yaml} as a validator: a message the gateway sends must match the schema of a received message
 * of its {@code type}, and carry no top-level key that schema does not declare, so that the contract users generate
 * code from cannot drift from the server.
 */
final class AsyncApiContract {

  static final Path FILE = Path.of("..", "sdk", "asyncapi.yaml");

  private record Shape(String name, Set<String> keys, Validator validator) {
  }

  private final JsonObject document;
  private final Map<String, List<Shape>> byType = new HashMap<>();

  AsyncApiContract() throws IOException {
    Object tree = new ObjectMapper(new YAMLFactory()).readValue(FILE.toFile(), Map.class);
    this.document = new JsonObject(new ObjectMapper().writeValueAsString(tree));
    JsonObject messages = document.getJsonObject("components").getJsonObject("messages");
    JsonArray received = document.getJsonObject("operations").getJsonObject("receiveMessage").getJsonArray("messages");
    for (Object reference : received) {
      String ref = ((JsonObject) reference).getString("$ref");
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      JsonObject payload = (JsonObject) inline(messages.getJsonObject(name).getJsonObject("payload"));
      Validator validator = Validator.create(JsonSchema.of(payload),
          new JsonSchemaOptions().setDraft(Draft.DRAFT7).setBaseUri("urn:anomaly-gateway:asyncapi"));
      String wireType = payload.getJsonObject("properties").getJsonObject("type").getString("const");
      byType.computeIfAbsent(wireType, t -> new ArrayList<>())
          .add(new Shape(name, payload.getJsonObject("properties").fieldNames(), validator));
    }
  }

  /** @return why the message breaks the contract; empty when it keeps it */
  List<String> problems(JsonObject message) {
    List<Shape> candidates = byType.getOrDefault(message.getString("type"), List.of());
    if (candidates.isEmpty()) {
      return List.of("the contract has no received message of type " + message.getString("type"));
    }
    List<String> reasons = new ArrayList<>();
    for (Shape shape : candidates) {
      OutputUnit outcome = shape.validator().validate(message);
      Set<String> undeclared = new TreeSet<>(message.fieldNames());
      undeclared.removeAll(shape.keys());
      if (outcome.getValid() && undeclared.isEmpty()) {
        return List.of();
      }
      reasons.add(shape.name() + ": " + (outcome.getErrors() == null ? "" : outcome.getErrors().stream()
          .limit(3).map(OutputUnit::getError).toList()) + (undeclared.isEmpty() ? "" : " undeclared " + undeclared));
    }
    return reasons;
  }

  /** Replaces each {@code $ref} to this document by what it points at, so that every payload stands alone. */
  private Object inline(Object node) {
    if (node instanceof JsonObject object) {
      if (object.containsKey("$ref")) {
        Object target = document;
        for (String part : object.getString("$ref").substring(2).split("/")) {
          target = ((JsonObject) target).getValue(part);
        }
        return inline(target);
      }
      JsonObject copy = new JsonObject();
      object.forEach(entry -> copy.put(entry.getKey(), inline(entry.getValue())));
      return copy;
    }
    if (node instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(inline(item)));
      return copy;
    }
    return node;
  }
}
