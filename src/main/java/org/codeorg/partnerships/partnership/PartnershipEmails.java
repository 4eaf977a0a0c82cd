package org.codeorg.partnerships.partnership;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.codeorg.partnerships.mail.EmailRequest;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.mail.Milestone;
import org.codeorg.partnerships.mail.OutboxMailProperties;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues a partnership's milestone emails with what every template may use: reference, district,
 * contact, school year, the staff member to reply to, and the district's personal link. Each
 * method returns {@link MailOutbox#enqueue}'s answer: true if it queued the email, false if the
 * outbox already held it.
 */
@Component
public class PartnershipEmails {

  private final MailOutbox outbox;
  private final DistrictAccessTokens tokens;
  private final OutboxMailProperties properties;
  private final EntityManager entityManager;

  public PartnershipEmails(MailOutbox outbox, DistrictAccessTokens tokens, OutboxMailProperties properties,
      EntityManager entityManager) {
    this.outbox = outbox;
    this.tokens = tokens;
    this.properties = properties;
    this.entityManager = entityManager;
  }

  /** To the district's contact. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean toDistrict(Partnership partnership, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra) {
    return queue(partnership, partnership.getContactEmail(), milestone, processInstanceId, occurrence, extra);
  }

  /** To the staff member responsible for the partnership. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean toStaff(Partnership partnership, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra) {
    return queue(partnership, partnership.getReplyToEmail(), milestone, processInstanceId, occurrence, extra);
  }

  /** To a person of the partnership (teacher, leader, trainer); never carries the district's link. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean toPerson(Partnership partnership, String recipient, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra, String calendarIcs) {
    Map<String, Object> model = new HashMap<>(extra);
    model.put("districtLink", "");
    return queue(partnership, recipient, milestone, processInstanceId, occurrence, model, calendarIcs);
  }

  /** To a person of the partnership, with a file attached (the PD certificate PDF). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean toPersonWithAttachment(Partnership partnership, String recipient, Milestone milestone,
      String processInstanceId, String occurrence, Map<String, Object> extra, EmailRequest.Attachment attachment) {
    Map<String, Object> model = new HashMap<>(extra);
    model.put("districtLink", "");
    return queue(partnership, recipient, milestone, processInstanceId, occurrence, model, null, attachment);
  }

  /** A public page of this application, e.g. {@code /certificates/{code}}, as an absolute URL. */
  public String publicLink(String path) {
    return properties.publicBaseUrl() + path;
  }

  public String districtLink(Partnership partnership) {
    return properties.publicBaseUrl() + "/district/partnerships/" + partnership.getReference() + "?token="
        + tokens.tokenFor(partnership.getTokenReference(), partnership.getTokenGeneration());
  }

  private boolean queue(Partnership p, String recipient, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra) {
    return queue(p, recipient, milestone, processInstanceId, occurrence, extra, null);
  }

  private boolean queue(Partnership p, String recipient, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra, String calendarIcs) {
    return queue(p, recipient, milestone, processInstanceId, occurrence, extra, calendarIcs, null);
  }

  private boolean queue(Partnership p, String recipient, Milestone milestone, String processInstanceId,
      String occurrence, Map<String, Object> extra, String calendarIcs, EmailRequest.Attachment attachment) {
    Map<String, Object> model = new HashMap<>();
    model.put("reference", p.getReference());
    model.put("districtName", p.getDistrict().getName());
    model.put("contactName", p.getContactName());
    model.put("schoolYear", p.getSchoolYear());
    model.put("staffEmail", p.getReplyToEmail());
    model.put("districtLink", districtLink(p));
    model.putAll(extra);
    writeIfNew(p);
    return outbox.enqueue(new EmailRequest(milestone, recipient, p.getReplyToEmail(), model, p.getId(),
        processInstanceId, occurrence, calendarIcs, attachment));
  }

  /**
   * The outbox's row refers to the partnership (a foreign key), and {@link MailOutbox#enqueue} writes
   * it with its own statement, past Hibernate. A partnership this transaction created (an
   * application's registration, a renewal) is only in Hibernate's queue yet: then, and only then,
   * Hibernate writes what it holds (the partnership with its district, schools and people). Any other
   * partnership is in the database already, and nothing is flushed: the step's changes are written at
   * commit, where a concurrent request's lost race becomes a 409, not in the middle of the step.
   */
  private void writeIfNew(Partnership p) {
    EntityEntry entry = entityManager.unwrap(SessionImplementor.class).getPersistenceContextInternal().getEntry(p);
    if (entry != null && !entry.isExistsInDatabase()) {
      entityManager.flush();
    }
  }
}
