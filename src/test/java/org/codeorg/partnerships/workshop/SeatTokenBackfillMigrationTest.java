package org.codeorg.partnerships.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.codeorg.partnerships.reliability.Databases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Migration V18 (a Java migration, {@code db.migration.V18__Backfill_seat_give_up_tokens}) on a
 * database left at V16 with seats enrolled before V16, as an upgrade meets them: every seat without
 * a token gets one in the application's format (128 random bits, base64url, 22 characters, the
 * format {@code /district/seats/{token}} accepts), all different; a seat that has one keeps it.
 * On H2 always, on PostgreSQL when {@code DB_URL} names a server (a fresh database of its own).
 */
class SeatTokenBackfillMigrationTest {

  @Test
  void seatsWithoutATokenGetOneOnH2() throws Exception {
    String url = "jdbc:h2:mem:seat-backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    upgradeFromV16(url, "sa", "", "SET REFERENTIAL_INTEGRITY FALSE", "SET REFERENTIAL_INTEGRITY TRUE");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "DB_URL", matches = "jdbc:postgresql:.+")
  void seatsWithoutATokenGetOneOnPostgresql() throws Exception {
    String name = "dpo_seat_backfill_" + Long.toString(System.nanoTime(), 36);
    String url = Databases.create(name);
    try {
      // The superuser's switch that skips foreign-key triggers for this session only: the seats
      // need no partnership, teacher or workshop rows to exercise the backfill.
      upgradeFromV16(url, System.getenv().getOrDefault("DB_USER", "postgres"),
          System.getenv().getOrDefault("DB_PASSWORD", "x"),
          "SET session_replication_role = replica", "SET session_replication_role = DEFAULT");
    } finally {
      Databases.drop(name);
    }
  }

  private static void upgradeFromV16(String url, String user, String password, String foreignKeysOff,
      String foreignKeysOn) throws Exception {
    Flyway.configure().dataSource(url, user, password).target("16").load().migrate();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement()) {
      sql.execute(foreignKeysOff);
      for (int id = 1; id <= 3; id++) {
        sql.execute("INSERT INTO workshop_seat (id, workshop_id, pd_phase_id, teacher_id, partnership_id, status,"
            + " position, created_at) VALUES (" + id + ", 1, " + id + ", " + id + ", 1, 'ENROLLED', " + id
            + ", CURRENT_TIMESTAMP)");
      }
      sql.execute("INSERT INTO workshop_seat (id, workshop_id, pd_phase_id, teacher_id, partnership_id, status,"
          + " position, created_at, give_up_token) VALUES (4, 1, 4, 4, 1, 'WAITLISTED', 1, CURRENT_TIMESTAMP,"
          + " 'kept-AAAAAAAAAAAAAAAAA')");
      sql.execute(foreignKeysOn);
    }

    Flyway.configure().dataSource(url, user, password).load().migrate();

    Map<Long, String> tokens = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT id, give_up_token FROM workshop_seat ORDER BY id")) {
      while (rows.next()) {
        tokens.put(rows.getLong(1), rows.getString(2));
      }
    }
    assertThat(tokens).hasSize(4).containsEntry(4L, "kept-AAAAAAAAAAAAAAAAA");
    assertThat(tokens.values()).doesNotHaveDuplicates();
    for (long id = 1; id <= 3; id++) {
      assertThat(tokens.get(id)).matches("[A-Za-z0-9_-]{22}");
      assertThat(Base64.getUrlDecoder().decode(tokens.get(id))).hasSize(16);
    }
  }
}
