package org.codeorg.partnerships.reporting;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.codeorg.partnerships.mail.MailOutbox;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEventRepository;
import org.codeorg.partnerships.partnership.PartnershipRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.UnknownPartnershipException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What staff see of partnerships: lists by stage, one partnership's timeline and open tasks, its emails. */
@Service
@Transactional(readOnly = true)
public class PartnershipViews {

  private final PartnershipRepository partnerships;
  private final PartnershipEventRepository events;
  private final MailOutbox outbox;
  private final TaskService taskService;

  public PartnershipViews(PartnershipRepository partnerships, PartnershipEventRepository events, MailOutbox outbox,
      TaskService taskService) {
    this.partnerships = partnerships;
    this.events = events;
    this.outbox = outbox;
    this.taskService = taskService;
  }

  public record Summary(String reference, String district, String schoolYear, String stage, Instant updatedAt) {
  }

  public record TimelineEntry(String event, Instant at, String detail) {
  }

  public record OpenTask(String id, String name, String taskDefinitionKey, Instant created, Instant due) {
  }

  public record Detail(String reference, String district, String ncesId, String state, String schoolYear,
      String stage, String stageLabel, String contactName, String contactEmail, String screeningResult,
      Instant createdAt, List<TimelineEntry> timeline, List<OpenTask> openTasks) {
  }

  public record Email(String milestone, String recipient, String subject, String status, int attempts,
      Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
  }

  public List<Summary> list(PartnershipStage stage) {
    List<Partnership> found = stage == null
        ? partnerships.findAll(Sort.by("reference"))
        : partnerships.findByStageOrderByReference(stage);
    return found.stream().map(p -> new Summary(p.getReference(), p.getDistrict().getName(), p.getSchoolYear(),
        p.getStage().name(), p.getUpdatedAt())).toList();
  }

  public Detail detail(String reference) {
    Partnership p = find(reference);
    List<TimelineEntry> timeline = events.findByPartnershipIdOrderByOccurredAtAscIdAsc(p.getId()).stream()
        .map(e -> new TimelineEntry(e.getEvent(), e.getOccurredAt(), e.getDetail())).toList();
    List<OpenTask> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .orderByTaskCreateTime().asc().list().stream()
        .map(t -> new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getCreateTime().toInstant(),
            t.getDueDate() == null ? null : t.getDueDate().toInstant()))
        .toList();
    return new Detail(p.getReference(), p.getDistrict().getName(), p.getDistrict().getNcesId(),
        p.getDistrict().getState(), p.getSchoolYear(), p.getStage().name(), p.getStage().label(), p.getContactName(),
        p.getContactEmail(), p.getScreeningResult(), p.getCreatedAt(), timeline, tasks);
  }

  public List<Email> emails(String reference) {
    return outbox.emailsOf(find(reference).getId()).stream()
        .map(e -> new Email(e.getMilestone().name(), e.getRecipient(), e.getSubject(), e.getStatus().name(),
            e.getAttempts(), e.getCreatedAt(), e.getSentAt(), e.getNextAttemptAt(), e.getLastError()))
        .toList();
  }

  private Partnership find(String reference) {
    return partnerships.findByReference(reference).orElseThrow(() -> new UnknownPartnershipException(reference));
  }
}
