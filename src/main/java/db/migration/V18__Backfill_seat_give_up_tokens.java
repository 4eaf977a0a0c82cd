package db.migration;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 15: seats enrolled before V16 have no "give up my seat" token, so their teachers could only
 * give a seat up through staff. Every such seat gets one now, in the format the application issues
 * ({@code WorkshopSeat}): 128 bits from {@link SecureRandom}, base64url without padding (22
 * characters). SQL alone cannot draw those bits portably on H2 and PostgreSQL, hence Java. The
 * generator is copied rather than called, so this migration stays as it ran whatever the entity
 * becomes. Released and cancelled seats get one too: the page answers them with their state.
 */
public class V18__Backfill_seat_give_up_tokens extends BaseJavaMigration {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Override
  public void migrate(Context context) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select = context.getConnection()
        .prepareStatement("SELECT id FROM workshop_seat WHERE give_up_token IS NULL ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    try (PreparedStatement update = context.getConnection()
        .prepareStatement("UPDATE workshop_seat SET give_up_token = ? WHERE id = ? AND give_up_token IS NULL")) {
      int pending = 0;
      for (Long id : ids) {
        update.setString(1, newToken());
        update.setLong(2, id);
        update.addBatch();
        if (++pending == 500) {
          update.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        update.executeBatch();
      }
    }
  }

  private static String newToken() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }
}
