package org.codeorg.partnerships.partnership;

import org.codeorg.partnerships.common.NotWaitingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A district's partnership for one school year. The aggregate root of the domain: schools,
 * sections, teachers and leaders are created and read through it.
 */
@Entity
@Table(name = "partnership")
public class Partnership {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partnership_seq")
  @SequenceGenerator(name = "partnership_seq", sequenceName = "partnership_seq", allocationSize = 50)
  private Long id;

  /** {@code DP-<year>-<number>} (four digits or more, {@link PartnershipReferences}); also the business key of every process instance of this partnership. */
  @Column(nullable = false, updatable = false)
  private String reference;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "district_id")
  private District district;

  @Column(name = "school_year", nullable = false)
  private String schoolYear;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false)
  private PartnershipStage stage;

  /** When {@link #stage} was entered (the reports' days in stage). */
  @Column(name = "stage_entered_at", nullable = false)
  private Instant stageEnteredAt;

  @Column(name = "contact_name", nullable = false)
  private String contactName;

  @Column(name = "contact_email", nullable = false)
  private String contactEmail;

  @Column(name = "contact_phone")
  private String contactPhone;

  @Column(name = "one_to_one_computing", nullable = false)
  private boolean oneToOneComputing;

  @Column(name = "bandwidth_mbps", nullable = false)
  private int bandwidthMbps;

  /** SHA-256 of the district access token; the token itself is never stored. */
  @Column(name = "access_token_hash", nullable = false)
  private String accessTokenHash;

  @Column(name = "token_issued_at", nullable = false)
  private Instant tokenIssuedAt;

  @Column(name = "token_generation", nullable = false)
  private int tokenGeneration = 1;

  @Column(name = "token_revoked_at")
  private Instant tokenRevokedAt;

  /**
   * The reference the district's token is derived from ({@code DistrictAccessTokens.tokenFor}): its
   * own, or for a renewal the first year's, so that the district keeps one link over the years.
   */
  @Column(name = "token_reference", nullable = false, updatable = false)
  private String tokenReference;

  /** The partnership of the school year before, for a renewal; null for a first application. */
  @Column(name = "previous_partnership_id", updatable = false)
  private Long previousPartnershipId;

  /** When the district confirmed the schools, sections and teachers carried over (renewals only). */
  @Column(name = "renewal_confirmed_at")
  private Instant renewalConfirmedAt;

  @Column(name = "screening_result")
  private String screeningResult;

  @Column(name = "agreement_signatory")
  private String agreementSignatory;

  @Column(name = "agreement_signed_on")
  private java.time.LocalDate agreementSignedOn;

  /** Replies to the district's emails go to the responsible staff member. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "elementary_pd_path")
  private ElementaryPdPath elementaryPdPath;

  @Column(name = "affiliate_trainer_name")
  private String affiliateTrainerName;

  @Column(name = "affiliate_trainer_email")
  private String affiliateTrainerEmail;

  @Column(name = "affiliate_trainer_trained_on")
  private java.time.LocalDate affiliateTrainerTrainedOn;

  /** A manager marked the partnership for renewal when closing it. */
  @Column(name = "renewal_requested", nullable = false)
  private boolean renewalRequested;

  @Column(name = "reply_to_email", nullable = false)
  private String replyToEmail;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  @OneToMany(mappedBy = "partnership", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<School> schools = new ArrayList<>();

  @OneToMany(mappedBy = "partnership", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<CourseSection> sections = new ArrayList<>();

  @OneToMany(mappedBy = "partnership", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<Teacher> teachers = new ArrayList<>();

  @OneToMany(mappedBy = "partnership", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("id")
  private List<SchoolLeader> leaders = new ArrayList<>();

  protected Partnership() {
  }

  public Partnership(String reference, District district, String schoolYear, Contact contact,
      Technology technology, String accessTokenHash, String replyToEmail, Instant now) {
    this.reference = reference;
    this.district = district;
    this.schoolYear = schoolYear;
    this.contactName = contact.name();
    this.contactEmail = contact.email();
    this.contactPhone = contact.phone();
    this.oneToOneComputing = technology.oneToOneComputing();
    this.bandwidthMbps = technology.bandwidthMbps();
    this.accessTokenHash = accessTokenHash;
    this.tokenIssuedAt = now;
    this.tokenReference = reference;
    this.replyToEmail = replyToEmail;
    this.stage = PartnershipStage.APPLICATION_REVIEW;
    this.stageEnteredAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public record Contact(String name, String email, String phone) {
  }

  public record Technology(boolean oneToOneComputing, int bandwidthMbps) {
  }

  /**
   * The next school year's partnership of the same district, in stage {@code RENEWAL_CONFIRMATION}:
   * contact, technology, schools, sections (as many per school and course), teachers and leaders
   * carried over; the same district token (hash, generation and the reference it is derived from).
   * Teachers start afresh (no commitment, no PD yet).
   *
   * @param reference the new partnership's reference
   */
  public Partnership renewAs(String reference, String nextSchoolYear, Instant now) {
    Partnership next = new Partnership(reference, district, nextSchoolYear,
        new Contact(contactName, contactEmail, contactPhone), new Technology(oneToOneComputing, bandwidthMbps),
        accessTokenHash, replyToEmail, now);
    next.tokenReference = tokenReference;
    next.tokenGeneration = tokenGeneration;
    next.tokenIssuedAt = tokenIssuedAt;
    next.previousPartnershipId = id;
    next.stage = PartnershipStage.RENEWAL_CONFIRMATION;
    for (School school : schools) {
      next.addSchool(school.getName(), school.getLevel());
    }
    for (CourseSection section : sections) {
      next.addSections(next.findSchool(section.getSchool().getName()).orElseThrow(), section.getCourse(), 1);
    }
    for (Teacher teacher : teachers) {
      if (teacher.getPdStatus() != TeacherPdStatus.WITHDRAWN) {
        next.addTeacher(next.findSchool(teacher.getSchool().getName()).orElseThrow(), teacher.getName(),
            teacher.getEmail(), teacher.getCourse());
      }
    }
    for (SchoolLeader leader : leaders) {
      next.addLeader(next.findSchool(leader.getSchool().getName()).orElseThrow(), leader.getName(), leader.getEmail(),
          leader.getRole());
    }
    return next;
  }

  /** Drops a teacher carried over into a renewal before the district confirmed it. */
  public void removeTeacher(Teacher teacher) {
    teachers.remove(teacher);
  }

  /**
   * Renewal: takes out everything at a school the district no longer lists (its sections, teachers, counselors
   * and principals); the school itself goes with {@link #removeSchool} once these deletions are flushed.
   */
  public void removeFromSchool(School school) {
    sections.removeIf(s -> s.getSchool() == school);
    teachers.removeIf(t -> t.getSchool() == school);
    leaders.removeIf(l -> l.getSchool() == school);
  }

  /** Renewal: drops a school emptied by {@link #removeFromSchool}. */
  public void removeSchool(School school) {
    schools.remove(school);
  }

  /** Sets the number of sections of a course at a school, dropping the highest-numbered ones first. */
  public void changeSections(School school, Course course, int count) {
    List<CourseSection> current = sections.stream()
        .filter(s -> s.getSchool() == school && s.getCourse() == course)
        .sorted(java.util.Comparator.comparingInt(CourseSection::getSectionNumber))
        .toList();
    if (count > current.size()) {
      addSections(school, course, count - current.size());
    } else {
      current.subList(count, current.size()).forEach(sections::remove);
    }
  }

  /** The district confirmed the carried-over schools, sections and teachers. */
  public void confirmRenewal(Instant now) {
    this.renewalConfirmedAt = now;
    this.updatedAt = now;
  }

  public String getTokenReference() {
    return tokenReference;
  }

  public Long getPreviousPartnershipId() {
    return previousPartnershipId;
  }

  public Instant getRenewalConfirmedAt() {
    return renewalConfirmedAt;
  }

  public School addSchool(String name, SchoolLevel level) {
    School school = new School(this, name, level);
    schools.add(school);
    return school;
  }

  /** Adds {@code count} sections of a course, numbered after the school's existing sections of it. */
  public void addSections(School school, Course course, int count) {
    int existing = (int) sections.stream()
        .filter(s -> s.getSchool() == school && s.getCourse() == course)
        .count();
    for (int i = 1; i <= count; i++) {
      sections.add(new CourseSection(this, school, course, existing + i));
    }
  }

  public Teacher addTeacher(School school, String name, String email, Course course) {
    Teacher teacher = new Teacher(this, school, name, email, course);
    teachers.add(teacher);
    return teacher;
  }

  public SchoolLeader addLeader(School school, String name, String email, LeaderRole role) {
    SchoolLeader leader = new SchoolLeader(this, school, name, email, role);
    leaders.add(leader);
    return leader;
  }

  public Optional<School> findSchool(String name) {
    return schools.stream().filter(s -> s.getName().equalsIgnoreCase(name)).findFirst();
  }

  /** Closing stages revoke the district's token: a closed partnership's links open nothing. */
  public void moveTo(PartnershipStage newStage, Instant now) {
    if (newStage != stage) {
      this.stageEnteredAt = now;
    }
    this.stage = newStage;
    this.updatedAt = now;
    if (newStage.isClosed() && tokenRevokedAt == null) {
      tokenRevokedAt = now;
    }
  }

  /** A new token generation: the previous token stops working at once. */
  public void rotateToken(String newTokenHash, Instant now) {
    if (tokenRevokedAt != null) {
      throw new NotWaitingException("The partnership is closed; its district link cannot be reissued");
    }
    this.tokenGeneration++;
    this.accessTokenHash = newTokenHash;
    this.tokenIssuedAt = now;
    this.updatedAt = now;
  }

  public boolean isTokenRevoked() {
    return tokenRevokedAt != null;
  }

  public void recordScreening(String result) {
    this.screeningResult = result;
  }

  public void recordAgreement(String signatory, java.time.LocalDate signedOn, Instant now) {
    this.agreementSignatory = signatory;
    this.agreementSignedOn = signedOn;
    this.updatedAt = now;
  }

  /** The district trainer is named only on the district path. */
  public void chooseElementaryPdPath(ElementaryPdPath path, String trainerName, String trainerEmail, Instant now) {
    this.elementaryPdPath = path;
    boolean district = path == ElementaryPdPath.DISTRICT_AFFILIATE;
    this.affiliateTrainerName = district ? trainerName : null;
    this.affiliateTrainerEmail = district ? trainerEmail : null;
    this.updatedAt = now;
  }

  public void recordAffiliateTrainerTrained(java.time.LocalDate trainedOn, Instant now) {
    this.affiliateTrainerTrainedOn = trainedOn;
    this.updatedAt = now;
  }

  public void close(boolean renewal, Instant now) {
    this.renewalRequested = renewal;
    moveTo(PartnershipStage.CLOSED, now);
  }

  public boolean isRenewalRequested() {
    return renewalRequested;
  }

  public ElementaryPdPath getElementaryPdPath() {
    return elementaryPdPath;
  }

  public String getAffiliateTrainerName() {
    return affiliateTrainerName;
  }

  public String getAffiliateTrainerEmail() {
    return affiliateTrainerEmail;
  }

  public java.time.LocalDate getAffiliateTrainerTrainedOn() {
    return affiliateTrainerTrainedOn;
  }

  public void attachProcessInstance(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public District getDistrict() {
    return district;
  }

  public String getSchoolYear() {
    return schoolYear;
  }

  public PartnershipStage getStage() {
    return stage;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public String getContactPhone() {
    return contactPhone;
  }

  public boolean isOneToOneComputing() {
    return oneToOneComputing;
  }

  public int getBandwidthMbps() {
    return bandwidthMbps;
  }

  public String getAccessTokenHash() {
    return accessTokenHash;
  }

  public Instant getTokenIssuedAt() {
    return tokenIssuedAt;
  }

  public int getTokenGeneration() {
    return tokenGeneration;
  }

  public String getScreeningResult() {
    return screeningResult;
  }

  public String getAgreementSignatory() {
    return agreementSignatory;
  }

  public java.time.LocalDate getAgreementSignedOn() {
    return agreementSignedOn;
  }

  public String getReplyToEmail() {
    return replyToEmail;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getStageEnteredAt() {
    return stageEnteredAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public List<School> getSchools() {
    return Collections.unmodifiableList(schools);
  }

  public List<CourseSection> getSections() {
    return Collections.unmodifiableList(sections);
  }

  public List<Teacher> getTeachers() {
    return Collections.unmodifiableList(teachers);
  }

  public List<SchoolLeader> getLeaders() {
    return Collections.unmodifiableList(leaders);
  }
}
