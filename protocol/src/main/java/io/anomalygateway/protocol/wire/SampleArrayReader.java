package io.anomalygateway.protocol.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.anomalygateway.protocol.ErrorCode;
import io.anomalygateway.protocol.ProtocolException;
import io.anomalygateway.protocol.Samples;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads {@code data} (one row) and {@code batch_data} (rows) straight into a flat {@code double} array.
 *
 * <p>On a bad value it keeps consuming the array to its end, so that the caller can go on reading the message (and
 * find a {@code request_id} that follows), then throws the first problem it met.
 */
final class SampleArrayReader {

  private final ReadLimits limits;
  private double[] values = new double[16];
  private int size;
  private ProtocolException problem;

  SampleArrayReader(ReadLimits limits) {
    this.limits = limits;
  }

  Samples readRow(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      throw new ProtocolException(ErrorCode.INVALID_DATA, "'data' must be an array of finite numbers, not "
          + RequestReader.describe(parser.currentToken()) + ".");
    }
    int dims = readValues(parser, "data");
    if (problem == null && dims == 0) {
      problem = new ProtocolException(ErrorCode.INVALID_DATA, "'data' must not be empty.");
    }
    return result(dims);
  }

  Samples readBatch(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      parser.skipChildren();
      throw new ProtocolException(ErrorCode.INVALID_DATA, "'batch_data' must be an array of rows, not "
          + RequestReader.describe(parser.currentToken()) + ".");
    }
    int dims = -1;
    int rows = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (rows == limits.maxBatchRows()) {
        fail(ErrorCode.BATCH_TOO_LARGE, "'batch_data' has more than " + limits.maxBatchRows() + " rows.");
        parser.skipChildren();
        skipRest(parser);
        break;
      }
      String field = "batch_data[" + rows + "]";
      if (token != JsonToken.START_ARRAY) {
        fail(ErrorCode.INVALID_DATA, "'" + field + "' must be an array of finite numbers, not "
            + RequestReader.describe(token) + ".");
        parser.skipChildren();
      } else {
        int rowDims = readValues(parser, field);
        if (rowDims == 0) {
          fail(ErrorCode.INVALID_DATA, "'" + field + "' must not be empty.");
        } else if (dims < 0) {
          dims = rowDims;
        } else if (rowDims != dims) {
          fail(ErrorCode.RAGGED_BATCH, "'" + field + "' has " + rowDims + " values but row 0 has " + dims
              + "; all rows must have the same length.");
        }
      }
      rows++;
    }
    if (problem == null && rows == 0) {
      problem = new ProtocolException(ErrorCode.EMPTY_BATCH, "'batch_data' must contain at least one row.");
    }
    return result(dims);
  }

  /** Reads the numbers of the array the parser is on; returns how many there were. */
  private int readValues(JsonParser parser, String field) throws IOException {
    int count = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (count == limits.maxDimensions()) {
        fail(ErrorCode.TOO_MANY_DIMENSIONS, "'" + field + "' has more than " + limits.maxDimensions() + " values.");
        parser.skipChildren();
        skipRest(parser);
        return count;
      }
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        append(parser.getDoubleValue(), field, count);
      } else {
        fail(ErrorCode.INVALID_DATA, "'" + field + "[" + count + "]' must be a finite number, not "
            + RequestReader.describe(token) + ".");
        parser.skipChildren();
      }
      count++;
    }
    return count;
  }

  private void append(double value, String field, int index) {
    if (!Double.isFinite(value)) {
      fail(ErrorCode.INVALID_DATA, "'" + field + "[" + index + "]' is outside the range of finite numbers.");
      return;
    }
    if (problem != null) {
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  private static void skipRest(JsonParser parser) throws IOException {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      parser.skipChildren();
    }
  }

  private void fail(ErrorCode code, String message) {
    if (problem == null) {
      problem = new ProtocolException(code, message);
    }
  }

  private Samples result(int dims) {
    if (problem != null) {
      ProtocolException thrown = problem;
      problem = null;
      size = 0;
      throw thrown;
    }
    Samples samples = new Samples(dims, values.length == size ? values : Arrays.copyOf(values, size));
    values = new double[16];
    size = 0;
    return samples;
  }
}
