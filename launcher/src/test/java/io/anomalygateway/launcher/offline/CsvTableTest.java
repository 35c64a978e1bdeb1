package io.anomalygateway.launcher.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A labelled CSV file reads into features and labels, quoted fields included, and a bad cell names its line. */
class CsvTableTest {

  @TempDir
  Path dir;

  @Test
  void quotedFieldsAndCrLfLineEndsAreRead() throws IOException {
    Path file = Files.writeString(dir.resolve("quoted.csv"),
        "\"x, first\",\"y\",label\r\n\"1.5\",2,0\r\n\r\n3,\"4\",1\r\n");
    CsvTable table = CsvTable.read(file, "label");
    assertThat(table.header()).containsExactly("x, first", "y");
    assertThat(table.features().count()).isEqualTo(2);
    assertThat(table.features().row(1)).containsExactly(3.0, 4.0);
    assertThat(table.labels()).containsExactly(0, 1);
  }

  @Test
  void anUnnamedIndexColumnAsPandasWritesItIsRead() throws IOException {
    CsvTable table = CsvTable.read(Files.writeString(dir.resolve("pandas.csv"), ",a,label\n0,1.5,0\n1,2.5,1\n"),
        "label");
    assertThat(table.features().dims()).isEqualTo(2);
    assertThat(table.labels()).containsExactly(0, 1);
  }

  @Test
  void aFileWithoutTheLabelColumnHasNoLabels() throws IOException {
    CsvTable table = CsvTable.read(Files.writeString(dir.resolve("plain.csv"), "a,b\n1,2\n"), "label");
    assertThat(table.labels()).isNull();
    assertThat(table.features().dims()).isEqualTo(2);
  }

  @Test
  void aCellThatIsNotANumberNamesItsLine() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2\n3,oops\n");
    assertThatThrownBy(() -> CsvTable.read(file, "label")).hasMessageContaining("line 3")
        .hasMessageContaining("'oops' is not a finite number");
    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2,3\n");
    assertThatThrownBy(() -> CsvTable.read(ragged, "label")).hasMessageContaining("3 cells, header has 2");
  }
}
