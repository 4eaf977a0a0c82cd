package org.codeorg.partnerships.mail;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts milestone emails into the outbox. Must run inside the transaction of the process step
 * that causes the email (the engine's transaction): a rolled-back step leaves no row, and a
 * retried step finds the row it already wrote.
 *
 * <p>An email is written with one statement that does nothing when the outbox already holds its
 * idempotency key (the unique constraint {@code uk_email_outbox_idempotency_key}): {@code INSERT …
 * ON CONFLICT DO NOTHING} on PostgreSQL, {@code MERGE … WHEN NOT MATCHED} on H2. An earlier
 * version looked the key up first, one more statement for each of the ~74 emails of a partnership
 * (docs/performance.md); the key is almost never there, so the template is now rendered before
 * knowing, and the rare repeat renders for nothing. Two transactions queueing the same email at
 * once both succeed and leave one row: on PostgreSQL the second waits for the first; on H2 its
 * MERGE hits the unique key, which H2 undoes alone, and the second returns false.
 *
 * <p>The statement goes past Hibernate and does not flush it: what the step changed through JPA is
 * still written at commit, where a lost race (a row's version, a unique key) is turned into a 409
 * ({@link org.codeorg.partnerships.engine.ConcurrentSubmissions}); a flush here would raise it
 * untranslated, in the middle of the step (a 500 in {@code ConcurrentDuplicatesTest}). The one thing
 * the row needs written first is the partnership it refers to (a foreign key) when this transaction
 * created it: {@link org.codeorg.partnerships.partnership.PartnershipEmails} flushes then, and only
 * then. A caller naming a partnership it created itself must do the same.
 */
@Service
public class MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private static final String COLUMNS = "id, idempotency_key, partnership_id, process_instance_id, milestone, recipient,"
      + " reply_to, subject, body_text, body_html, calendar_ics, attachment_name, attachment_type, attachment_content,"
      + " status, attempts, next_attempt_at, created_at";
  /** The values after the id and the key. */
  private static final String OTHER_VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";
  /** PostgreSQL: a concurrent insert of the same key waits for the other transaction, then does nothing. */
  private static final String POSTGRES_INSERT = "INSERT INTO email_outbox (" + COLUMNS
      + ") VALUES (nextval('email_outbox_seq'), ?, " + OTHER_VALUES + ") ON CONFLICT (idempotency_key) DO NOTHING";
  /** H2 has no {@code ON CONFLICT} outside its PostgreSQL mode; the standard MERGE does the same here. */
  private static final String H2_INSERT = "MERGE INTO email_outbox e USING (VALUES (CAST(? AS VARCHAR(400)))) wanted(idempotency_key)"
      + " ON e.idempotency_key = wanted.idempotency_key WHEN NOT MATCHED THEN INSERT (" + COLUMNS
      + ") VALUES (NEXT VALUE FOR email_outbox_seq, wanted.idempotency_key, " + OTHER_VALUES + ")";

  private final OutboxEmailRepository repository;
  private final MailTemplates templates;
  private final OutboxMailProperties properties;
  private final Clock clock;
  private final JdbcTemplate jdbc;
  private final boolean postgres;
  private final String insert;

  public MailOutbox(OutboxEmailRepository repository, MailTemplates templates, OutboxMailProperties properties,
      Clock clock, JdbcTemplate jdbc, DataSource dataSource) throws MetaDataAccessException {
    this.repository = repository;
    this.templates = templates;
    this.properties = properties;
    this.clock = clock;
    this.jdbc = jdbc;
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.postgres = database.toLowerCase(java.util.Locale.ROOT).contains("postgres");
    this.insert = postgres ? POSTGRES_INSERT : H2_INSERT;
  }

  /**
   * Queues {@code request}'s email unless the outbox already holds one with its idempotency key
   * (a step that ran again, or the same milestone asked for twice).
   *
   * @return true if this call queued the email, false if it was already in the outbox (the row is
   *     left as it was, whatever its status)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(EmailRequest request) {
    RenderedEmail body = templates.render(request.milestone(), request.model());
    String replyTo = request.replyTo() == null ? properties.defaultReplyTo() : request.replyTo();
    Instant now = clock.instant();
    OutboxEmail email = new OutboxEmail(request.withReplyTo(replyTo), request.milestone().subject(request.model()), body,
        now);
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    int inserted;
    try {
      inserted = insert(email, at);
    } catch (DuplicateKeyException e) {
      if (postgres) {
        throw e;
      }
      // H2's MERGE does not see a row another transaction has not committed yet, and its insert then hits the
      // unique key. H2 undoes only the statement, so this transaction goes on: the email is queued by the other one.
      inserted = 0;
    }
    if (inserted == 0) {
      log.debug("{} email {} is already in the outbox", request.milestone(), request.idempotencyKey());
      return false;
    }
    log.info("Queued {} email for process instance {}", request.milestone(), request.processInstanceId());
    return true;
  }

  private int insert(OutboxEmail email, OffsetDateTime at) {
    return jdbc.update(insert, email.getIdempotencyKey(), new SqlParameterValue(Types.BIGINT, email.getPartnershipId()),
        text(email.getProcessInstanceId()), email.getMilestone().name(), email.getRecipient(),
        text(email.getReplyTo()), email.getSubject(), text(email.getBodyText()), text(email.getBodyHtml()),
        text(email.getCalendarIcs()), text(email.getAttachmentName()), text(email.getAttachmentType()),
        new SqlParameterValue(Types.VARBINARY, email.getAttachmentContent()), email.getStatus().name(),
        email.getAttempts(), at, at);
  }

  /** A text that may be null, typed: PostgreSQL refuses a null of unknown type for some columns. */
  private static SqlParameterValue text(String value) {
    return new SqlParameterValue(Types.VARCHAR, value);
  }

  @Transactional(readOnly = true)
  public List<OutboxEmail> emailsOf(Long partnershipId) {
    return repository.findByPartnershipIdOrderByCreatedAtAscIdAsc(partnershipId);
  }
}
