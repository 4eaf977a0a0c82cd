package org.codeorg.partnerships.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code target/bench/results.json} (each benchmark sets its own section) and
 * {@code target/bench/summary.txt} (the printed lines, appended).
 */
final class BenchResults {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DIRECTORY = Path.of("target", "bench");
  private static boolean summaryStarted;

  private BenchResults() {
  }

  static ObjectNode newSection() {
    return JSON.createObjectNode();
  }

  static synchronized void put(String section, ObjectNode figures) throws IOException {
    Files.createDirectories(DIRECTORY);
    Path file = DIRECTORY.resolve("results.json");
    ObjectNode all = Files.exists(file) ? (ObjectNode) JSON.readTree(file.toFile()) : JSON.createObjectNode();
    all.set(section, figures);
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
  }

  /** Prints a line and keeps it in the summary. */
  static synchronized void say(String format, Object... args) {
    String line = String.format(java.util.Locale.ROOT, format, args);
    System.out.println(line);
    try {
      Files.createDirectories(DIRECTORY);
      if (!summaryStarted) {
        Files.deleteIfExists(DIRECTORY.resolve("summary.txt"));   // one run's summary
        summaryStarted = true;
      }
      Files.writeString(DIRECTORY.resolve("summary.txt"), line + System.lineSeparator(),
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
