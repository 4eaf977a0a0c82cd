package org.codeorg.partnerships.mail;

import org.camunda.bpm.engine.RuntimeService;
import org.codeorg.partnerships.support.Http;
import org.codeorg.partnerships.support.OutboxRetentionCheck;
import org.codeorg.partnerships.support.SpringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Outbox retention on H2 (PostgreSQL: {@code PostgresProductionProfileTest}): a delivered email loses its bodies
 * and calendar attachment after {@code partnership.mail.retention.purge-after}; the row stays, and so do
 * QUEUED, FAILED and recent rows.
 */
class OutboxRetentionTest extends SpringIntegrationTest {

  @Autowired
  RuntimeService runtimeService;
  @Autowired
  OutboxSender sender;
  @Autowired
  OutboxRetention retention;
  @Autowired
  MailOutbox mailOutbox;
  @Autowired
  OutboxEmailRepository outbox;
  @Autowired
  OutboxMailProperties properties;
  @Autowired
  PlatformTransactionManager transactionManager;

  @Test
  void aDeliveredEmailLosesItsBodiesAndAttachmentAfterTheRetentionPeriodAndKeepsTheRest() {
    new OutboxRetentionCheck(runtimeService, sender, retention, mailOutbox, outbox, properties, transactionManager,
        new Http(baseUrl()), "manager:manager").run();
  }
}
