package org.codeorg.partnerships.mail;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts milestone emails into the outbox. Must run inside the transaction of the process step
 * that causes the email (the engine's transaction): a rolled-back step leaves no row, and a
 * retried step finds the row it already wrote.
 */
@Service
public class MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  private final OutboxEmailRepository repository;
  private final MailTemplates templates;
  private final OutboxMailProperties properties;
  private final Clock clock;

  public MailOutbox(OutboxEmailRepository repository, MailTemplates templates, OutboxMailProperties properties,
      Clock clock) {
    this.repository = repository;
    this.templates = templates;
    this.properties = properties;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public OutboxEmail enqueue(EmailRequest request) {
    String key = request.idempotencyKey();
    return repository.findByIdempotencyKey(key).orElseGet(() -> {
      RenderedEmail body = templates.render(request.milestone(), request.model());
      String replyTo = request.replyTo() == null ? properties.defaultReplyTo() : request.replyTo();
      EmailRequest withReplyTo = request.withReplyTo(replyTo);
      OutboxEmail email = repository.save(
          new OutboxEmail(withReplyTo, request.milestone().subject(request.model()), body, clock.instant()));
      log.info("Queued {} email {} for process instance {}", request.milestone(), email.getId(),
          request.processInstanceId());
      return email;
    });
  }

  @Transactional(readOnly = true)
  public List<OutboxEmail> emailsOf(Long partnershipId) {
    return repository.findByPartnershipIdOrderByCreatedAtAscIdAsc(partnershipId);
  }
}
