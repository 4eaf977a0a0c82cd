package org.codeorg.partnerships.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/*.jar}) as a separate process on PostgreSQL, as an
 * operator runs it: for scenarios that kill a node or run two of them on one database.
 */
public final class AppNode {

  private final String name;
  private final int port;
  private final String dbUrl;
  private final Path log;
  /** Quick start-up for the scenarios; a benchmark wants the full JIT instead ({@link #withJvmOptions}). */
  private List<String> jvmOptions = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");
  private Process process;

  public AppNode(String name, int port, String dbUrl) {
    this.name = name;
    this.port = port;
    this.dbUrl = dbUrl;
    this.log = Path.of("target", "nodes", "node-" + name + ".log");
  }

  public AppNode withJvmOptions(String... options) {
    this.jvmOptions = List.of(options);
    return this;
  }

  /** The packaged jar in {@code target}, or the one {@code -Dbench.jar=…} names (a benchmark comparing builds). */
  public static Path jar() throws IOException {
    String named = System.getProperty("bench.jar");
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("district-partnership-orchestrator-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IllegalStateException("Package the application first (mvn package)"));
    }
  }

  /** Starts the node and waits until its health endpoint answers UP. */
  public AppNode start(Map<String, String> extraProperties) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar().toString()));
    Map<String, String> properties = new java.util.LinkedHashMap<>(Map.of("server.port", String.valueOf(port),
        "spring.profiles.active", "postgres", "partnership.node-name", name, "partnership.mail.sender.enabled", "false",
        "spring.mail.host", "127.0.0.1"));
    properties.putAll(extraProperties);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("DB_URL", dbUrl);
    builder.environment().put("DB_USER", System.getenv().getOrDefault("DB_USER", "postgres"));
    builder.environment().put("DB_PASSWORD", System.getenv().getOrDefault("DB_PASSWORD", "x"));
    builder.environment().put("DEMO_DATA", "false");
    process = builder.start();
    // 3 minutes unless -Dapp.node.startMinutes=… (a benchmark on a machine other builds keep busy).
    awaitHealthy(Duration.ofMinutes(Long.getLong("app.node.startMinutes", 3)));
    return this;
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " exited; see " + log);
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Node " + name + " not healthy after " + timeout + "; see " + log);
  }

  /** SIGKILL: no shutdown hook, no transaction finished, as a power cut would leave it. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public Http http() {
    return new Http(url());
  }

  public File logFile() {
    return log.toFile();
  }
}
