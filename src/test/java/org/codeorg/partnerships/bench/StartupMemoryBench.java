package org.codeorg.partnerships.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.codeorg.partnerships.support.AppNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, part 4: start-up time and memory of the packaged application against the bare Camunda
 * Spring Boot starter (webapp + REST on H2, {@code src/test/bench/bare-starter}, built here with
 * the application's Spring Boot and Camunda versions). Both run as {@code java -jar} with the same
 * JVM and options, on a fresh H2 file each in its own directory, alternating
 * ({@code bench.startup.runs} runs of each, medians).
 *
 * <p>"Ready" is Spring Boot's readiness state turning to ACCEPTING_TRAFFIC, which it publishes after
 * every {@code ApplicationReadyEvent} listener has returned (the application's demo users and
 * sample partnerships are started by such listeners): the time from launching the process to that
 * log line. RSS is {@code VmRSS} of {@code /proc/<pid>/status} 30 s after ready (and the run notes
 * whether the sample partnerships were all there by then). The application
 * runs as {@code mvn spring-boot:run} does (default profile: demo users, sample partnerships, the
 * in-app SMTP server); {@code bench.startup.demoOff=true} adds a run without them,
 * {@code bench.startup.compareJar=…} one of another build of the application (before a change) in
 * the same rotation. A measurement, not a
 * test of timings: it fails only if a process does not become ready.
 */
class StartupMemoryBench {

  private static final int RUNS = Integer.getInteger("bench.startup.runs", 3);
  private static final int SETTLE_SECONDS = Integer.getInteger("bench.startup.settleSeconds", 30);
  /** The same for both; empty by default (the JVM's own heap sizing, as {@code java -jar} runs it). */
  private static final List<String> JVM_OPTIONS = Arrays.stream(System.getProperty("bench.startup.jvmOptions", "")
      .trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
  private static final int APP_PORT = Integer.getInteger("bench.startup.appPort", 18110);
  private static final int APP_MAIL_PORT = Integer.getInteger("bench.startup.appMailPort", 18109);
  /** The bare starter is stopped before the application starts: its port is free for the in-app SMTP server. */
  private static final int BARE_PORT = Integer.getInteger("bench.startup.barePort", 18109);
  private static final Path BARE_PROJECT = Path.of("src", "test", "bench", "bare-starter");
  private static final Path WORK = Path.of("target", "bench", "startup");
  private static final String READY = "ReadinessState changed to ACCEPTING_TRAFFIC";
  private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
  /** SamplePartnerships' last line: the samples are there (on the default profile's application only). */
  private static final String SAMPLES = "Started 6 sample partnerships";

  @Test
  void startupAndMemoryAgainstTheBareStarter() throws Exception {
    Path bare = bareStarterJar();
    Path app = AppNode.jar().toAbsolutePath();
    Map<String, List<Run>> runs = new LinkedHashMap<>();
    boolean demoOff = Boolean.getBoolean("bench.startup.demoOff");
    String before = System.getProperty("bench.startup.compareJar", "");
    for (int i = 1; i <= RUNS; i++) {
      // Alternating, so that what else the machine does falls on both alike.
      runs.computeIfAbsent("bare", k -> new ArrayList<>()).add(run("bare", i, bare, BARE_PORT, List.of()));
      List<String> demo = List.of("--partnership.demo.mail-server.port=" + APP_MAIL_PORT,
          "--spring.mail.port=" + APP_MAIL_PORT);
      runs.computeIfAbsent("app", k -> new ArrayList<>()).add(run("app", i, app, APP_PORT, demo));
      if (!before.isBlank()) {
        // Another build of the application (e.g. before a change), in the same rotation.
        runs.computeIfAbsent("appCompared", k -> new ArrayList<>()).add(run("appCompared", i,
            Path.of(before).toAbsolutePath(), APP_PORT, demo));
      }
      if (demoOff) {
        runs.computeIfAbsent("appWithoutDemo", k -> new ArrayList<>()).add(run("appWithoutDemo", i, app, APP_PORT,
            List.of("--partnership.demo.enabled=false", "--partnership.demo.mail-server.enabled=false",
                "--partnership.demo.clock.enabled=false")));
      }
    }
    ObjectNode figures = BenchResults.newSection();
    figures.put("jvmOptions", String.join(" ", JVM_OPTIONS));
    figures.put("runsEach", RUNS);
    figures.put("rssSecondsAfterReady", SETTLE_SECONDS);
    BenchResults.say("%n== Start-up and memory: the application against the bare Camunda starter (H2, java -jar %s,"
        + " %d alternating runs each, medians; RSS %d s after ready)", String.join(" ", JVM_OPTIONS), RUNS,
        SETTLE_SECONDS);
    Map<String, double[]> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<Run>> entry : runs.entrySet()) {
      List<Run> list = entry.getValue();
      double ready = median(list.stream().mapToDouble(Run::readySeconds).toArray());
      double started = median(list.stream().mapToDouble(Run::startedSeconds).toArray());
      double rss = median(list.stream().mapToDouble(Run::rssMiB).toArray());
      medians.put(entry.getKey(), new double[] {ready, rss});
      ObjectNode one = BenchResults.newSection();
      one.put("readySecondsMedian", round(ready, 2));
      one.put("startedSecondsMedian", round(started, 2));
      one.put("rssMiBMedian", round(rss, 0));
      one.put("runs", list.toString());
      figures.set(entry.getKey(), one);
      BenchResults.say("%-15s ready %.1f s (Spring's 'Started … in' %.1f s), RSS %.0f MiB   runs: %s", entry.getKey(),
          ready, started, rss, list);
    }
    double[] b = medians.get("bare");
    double[] a = medians.get("app");
    figures.put("ratioStartup", round(a[0] / b[0], 2));
    figures.put("ratioRss", round(a[1] / b[1], 2));
    if (medians.containsKey("appCompared")) {
      double[] c = medians.get("appCompared");
      figures.put("comparedJar", before);
      figures.put("ratioStartupCompared", round(c[0] / b[0], 2));
      figures.put("ratioRssCompared", round(c[1] / b[1], 2));
      BenchResults.say("Compared build (%s)/bare: start-up %.2f×, RSS %.2f×", before, c[0] / b[0], c[1] / b[1]);
    }
    figures.put("loadAverageAtEnd", loadAverage());
    BenchResults.put("startupMemoryH2", figures);
    BenchResults.say("App/bare: start-up %.2f×, RSS %.2f× (target ≤ 1.3× for both); load average at the end %s",
        a[0] / b[0], a[1] / b[1], loadAverage());
  }

  /**
   * One run's figures, seconds from launching the process; {@code samplesSeconds} is when the sample
   * partnerships were there (NaN without them); {@code load} is the one-minute load average at launch.
   */
  private record Run(double readySeconds, double startedSeconds, double samplesSeconds, double rssMiB, double load) {

    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%.1fs/%.0fMiB(load %.1f)%s", readySeconds, rssMiB, load,
          Double.isNaN(samplesSeconds) ? "" : String.format(java.util.Locale.ROOT, "[samples at %.1fs]", samplesSeconds));
    }
  }

  private static Run run(String name, int index, Path jar, int port, List<String> extra) throws Exception {
    Path directory = WORK.resolve(name + "-" + index).toAbsolutePath();
    deleteRecursively(directory);
    Files.createDirectories(directory);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
        "--logging.level.org.springframework.boot.availability=debug"));
    command.addAll(extra);
    double load = Double.parseDouble(loadAverage().split(" ")[0]);
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    CompletableFuture<Double> ready = new CompletableFuture<>();
    CompletableFuture<Double> started = new CompletableFuture<>();
    CompletableFuture<Double> samples = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8)); PrintWriter log = new PrintWriter(Files.newBufferedWriter(directory.resolve("out.log")))) {
        String line;
        while ((line = lines.readLine()) != null) {
          log.println(line);
          Matcher matcher = STARTED.matcher(line);
          if (matcher.find()) {
            started.complete(Double.parseDouble(matcher.group(1)));
          }
          if (line.contains(SAMPLES)) {
            samples.complete((System.nanoTime() - launched) / 1e9);
          }
          if (line.contains(READY)) {
            ready.complete((System.nanoTime() - launched) / 1e9);
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException(name + " exited before ready; see " + directory));
    }, "startup-bench-" + name);
    reader.setDaemon(true);
    reader.start();
    try {
      double readySeconds = ready.get(Long.getLong("bench.startup.timeoutMinutes", 15), TimeUnit.MINUTES);
      Thread.sleep(SETTLE_SECONDS * 1000L);
      assertThat(process.isAlive()).as(name + " still running").isTrue();
      double rss = rssMiB(process.pid());
      Run run = new Run(readySeconds, started.getNow(Double.NaN), samples.getNow(Double.NaN), rss, load);
      if (name.startsWith("app") && !name.equals("appWithoutDemo") && !samples.isDone()) {
        // Started after ready on a thread of their own: on a busy machine they may take longer than the settle time.
        BenchResults.say("  %s #%d: the sample partnerships were not all there %d s after ready", name, index,
            SETTLE_SECONDS);
      }
      BenchResults.say("  %s #%d: %s", name, index, run);
      return run;
    } finally {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** Builds {@code src/test/bench/bare-starter} once (its jar is kept in its own {@code target}). */
  private static Path bareStarterJar() throws Exception {
    String pom = Files.readString(BARE_PROJECT.resolve("pom.xml"));
    String bootVersion = System.getProperty("bench.springBootVersion");
    if (bootVersion != null) {
      assertThat(pom).as("the bare starter's Spring Boot version").contains("<version>" + bootVersion + "</version>");
    }
    Path jar = BARE_PROJECT.resolve("target").resolve("bare-starter.jar").toAbsolutePath();
    if (!Files.exists(jar) || Files.size(jar) < 1_000_000) {
      List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", BARE_PROJECT.resolve("pom.xml").toString(),
          "package"));
      String camunda = System.getProperty("bench.camundaVersion");
      if (camunda != null) {
        command.add("-Dcamunda.version=" + camunda);
      }
      Process build = new ProcessBuilder(command).inheritIO().start();
      assertThat(build.waitFor()).as("building the bare starter").isZero();
    }
    return jar;
  }

  private static double rssMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;   // kB
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (var paths = Files.walk(directory)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
