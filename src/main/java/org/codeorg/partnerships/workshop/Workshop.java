package org.codeorg.partnerships.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.codeorg.partnerships.partnership.Course;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An in-person PD workshop for one course and phase in one region (state). */
@Entity
@Table(name = "workshop")
public class Workshop {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workshop_seq")
  @SequenceGenerator(name = "workshop_seq", sequenceName = "workshop_seq", allocationSize = 50)
  private Long id;

  /** {@code WS-<5 digits>}; the business key of the workshop's process instance. */
  @Column(nullable = false)
  private String reference;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private Course course;

  @Column(name = "phase_number", nullable = false)
  private int phaseNumber;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String region;

  @Column(nullable = false)
  private String location;

  @Column(nullable = false)
  private int capacity;

  /** IANA id, e.g. {@code America/Los_Angeles}: the sessions are shown (and invites written) in it. */
  @Column(name = "time_zone", nullable = false)
  private String timeZone;

  /** SEQUENCE of the calendar invites: raised on every change their recipients must see. */
  @Column(name = "calendar_sequence", nullable = false)
  private int calendarSequence;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "cancellation_reason")
  private String cancellationReason;

  @Column(nullable = false)
  private String organizer;

  private String facilitator;

  @Column(name = "vendor_confirmation")
  private String vendorConfirmation;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private WorkshopStatus status;

  /** Counts date changes; also the SEQUENCE of the calendar invites. */
  @Column(name = "dates_revision", nullable = false)
  private int datesRevision;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "workshop", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("sessionNumber")
  private List<WorkshopSession> sessions = new ArrayList<>();

  protected Workshop() {
  }

  Workshop(String reference, Course course, int phaseNumber, String title, String region, String location,
      int capacity, java.time.ZoneId zone, String organizer, List<SessionTimes> times, Instant now) {
    this.reference = reference;
    this.course = course;
    this.phaseNumber = phaseNumber;
    this.title = title;
    this.region = region;
    this.location = location;
    this.capacity = capacity;
    this.timeZone = zone.getId();
    this.organizer = organizer;
    this.status = WorkshopStatus.PLANNING;
    this.createdAt = now;
    for (int i = 0; i < times.size(); i++) {
      sessions.add(new WorkshopSession(this, i + 1, times.get(i)));
    }
  }

  /** Moves sessions in place (numbers stay unique), adds or drops sessions at the end. */
  void reschedule(List<SessionTimes> times) {
    for (int i = 0; i < times.size(); i++) {
      if (i < sessions.size()) {
        sessions.get(i).moveTo(times.get(i));
      } else {
        sessions.add(new WorkshopSession(this, i + 1, times.get(i)));
      }
    }
    while (sessions.size() > times.size()) {
      sessions.remove(sessions.size() - 1);
    }
    datesRevision++;
    calendarSequence++;
  }

  /** Whether the sessions are exactly these times already. */
  boolean hasSessions(List<SessionTimes> times) {
    return sessions.stream().map(s -> new SessionTimes(s.getStartsAt(), s.getEndsAt())).toList().equals(times);
  }

  boolean hasStarted(Instant now) {
    return !sessions.get(0).getStartsAt().isAfter(now);
  }

  void assignReference(String value) {
    this.reference = value;
  }

  void assignFacilitator(String userId) {
    this.facilitator = userId;
  }

  /** Another facilitator takes over: the invites change (new attendee), so their SEQUENCE grows. */
  void replaceFacilitator(String userId) {
    this.facilitator = userId;
    calendarSequence++;
  }

  void cancel(String reason, Instant now) {
    this.status = WorkshopStatus.CANCELLED;
    this.cancellationReason = reason;
    this.cancelledAt = now;
    calendarSequence++;
  }

  /** A seat changed hands: the invites sent from now on are a newer version. */
  void seatsChanged() {
    calendarSequence++;
  }

  void recordVendorConfirmation(String confirmation) {
    this.vendorConfirmation = confirmation;
  }

  void openEnrolment() {
    this.status = WorkshopStatus.OPEN;
  }

  void close(Instant now) {
    this.status = WorkshopStatus.CLOSED;
    this.closedAt = now;
  }

  void attachProcessInstance(String id) {
    this.processInstanceId = id;
  }

  public Instant firstSessionStart() {
    return sessions.get(0).getStartsAt();
  }

  public Instant lastSessionEnd() {
    return sessions.get(sessions.size() - 1).getEndsAt();
  }

  public int totalHours() {
    return sessions.stream().mapToInt(WorkshopSession::getHours).sum();
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public Course getCourse() {
    return course;
  }

  public int getPhaseNumber() {
    return phaseNumber;
  }

  public String getTitle() {
    return title;
  }

  public String getRegion() {
    return region;
  }

  public String getLocation() {
    return location;
  }

  public int getCapacity() {
    return capacity;
  }

  public String getOrganizer() {
    return organizer;
  }

  public String getFacilitator() {
    return facilitator;
  }

  public String getVendorConfirmation() {
    return vendorConfirmation;
  }

  public WorkshopStatus getStatus() {
    return status;
  }

  public java.time.ZoneId zone() {
    return java.time.ZoneId.of(timeZone);
  }

  public String getTimeZone() {
    return timeZone;
  }

  public int getCalendarSequence() {
    return calendarSequence;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }

  public String getCancellationReason() {
    return cancellationReason;
  }

  public int getDatesRevision() {
    return datesRevision;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }


  public List<WorkshopSession> getSessions() {
    return Collections.unmodifiableList(sessions);
  }
}
