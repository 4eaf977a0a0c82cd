package org.codeorg.partnerships.migration;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a migration dry run: one line per running instance of an older model version.
 *
 * @param lines in {@link MigrationPlans#PROCESS_KEYS} order, then by version and instance id
 */
public record MigrationReport(List<Line> lines) {

  public MigrationReport {
    lines = lines.stream().filter(Objects::nonNull).toList();
  }

  /**
   * One instance.
   *
   * @param where the activities it waits in (leaf activity instances, "(async job)" for a job
   *     before an element) and its incidents
   * @param reason why it cannot move; {@code null} when it moves
   */
  public record Line(String processKey, String instanceId, String businessKey, String from, String to, List<String> where,
      boolean moves, String reason) {

    Line moving() {
      return new Line(processKey, instanceId, businessKey, from, to, where, true, null);
    }

    Line refused(String why) {
      return new Line(processKey, instanceId, businessKey, from, to, where, false, why);
    }
  }

  public long moving() {
    return lines.stream().filter(Line::moves).count();
  }

  public long refused() {
    return lines.size() - moving();
  }

  /** @return the report as plain text, one instance per line, for a task form and the log */
  public String text() {
    StringBuilder text = new StringBuilder();
    text.append(lines.isEmpty() ? "Every running instance is on the latest version of its model: nothing to migrate.\n"
        : lines.size() + " instances on older versions: " + moving() + " would move, " + refused() + " cannot.\n");
    for (Line line : lines) {
      text.append(line.moves() ? "MOVES   " : "CANNOT  ").append(line.processKey()).append(' ')
          .append(line.from()).append(" → ").append(line.to()).append(" | ")
          .append(line.businessKey() == null ? "(no business key)" : line.businessKey()).append(" | at ")
          .append(String.join(", ", line.where())).append(" | instance ").append(line.instanceId());
      if (!line.moves()) {
        text.append(" | why: ").append(line.reason());
      }
      text.append('\n');
    }
    return text.toString();
  }
}
