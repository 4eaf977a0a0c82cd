package org.codeorg.partnerships.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxEmailRepository extends JpaRepository<OutboxEmail, Long> {

  // Hot lookups are JPQL: Hibernate caches the plan of a query string, while a derived query
  // (built as a criteria query on every call) is planned again each time (docs/performance.md, fix 4).
  @Query("select e from OutboxEmail e where e.idempotencyKey = :key")
  Optional<OutboxEmail> findByIdempotencyKey(@Param("key") String idempotencyKey);

  List<OutboxEmail> findByPartnershipIdOrderByCreatedAtAscIdAsc(Long partnershipId);

  long countByRecipient(String recipient);

  /** Emails queued at or after {@code since}, oldest first (the demo clock's report of what a step sent). */
  List<OutboxEmail> findByCreatedAtGreaterThanEqualOrderByIdAsc(Instant since);

  /** Rows due for an attempt. */
  @Query("""
      select e.id from OutboxEmail e
      where e.status = org.codeorg.partnerships.mail.OutboxStatus.QUEUED and e.nextAttemptAt <= :now
      order by e.nextAttemptAt, e.id""")
  List<Long> findDueIds(@Param("now") Instant now, Pageable page);

  /** Rows a sender claimed and never finished: it stopped while handing them to SMTP. */
  @Query("""
      select e.id from OutboxEmail e
      where e.status = org.codeorg.partnerships.mail.OutboxStatus.SENDING and e.claimedAt < :staleBefore""")
  List<Long> findAbandonedIds(@Param("staleBefore") Instant staleBefore);

  /**
   * Claims a due row for this sender. Only one of several concurrent senders (threads or nodes)
   * sees an update count of 1, so one email is not handed to SMTP twice.
   */
  @Modifying
  @Query("""
      update OutboxEmail e set e.status = org.codeorg.partnerships.mail.OutboxStatus.SENDING, e.claimedAt = :now
      where e.id = :id and e.status = org.codeorg.partnerships.mail.OutboxStatus.QUEUED and e.nextAttemptAt <= :now""")
  int claim(@Param("id") Long id, @Param("now") Instant now);

  /**
   * An abandoned row's outcome is unknown (SMTP may have accepted it): it is not sent again
   * automatically but set FAILED for a person to check, once, by whichever sender gets there first.
   */
  @Modifying
  @Query("""
      update OutboxEmail e set e.status = org.codeorg.partnerships.mail.OutboxStatus.FAILED, e.claimedAt = null,
        e.lastError = :error
      where e.id = :id and e.status = org.codeorg.partnerships.mail.OutboxStatus.SENDING and e.claimedAt < :staleBefore""")
  int abandon(@Param("id") Long id, @Param("staleBefore") Instant staleBefore, @Param("error") String error);

  /**
   * Clears the bodies and the attachment of SENT rows delivered before {@code sentBefore}, once. One
   * statement, so several nodes may run it at the same time: a row another node purged first no
   * longer matches {@code purgedAt is null} and is not counted twice.
   */
  @Modifying
  @Query("""
      update OutboxEmail e set e.bodyText = null, e.bodyHtml = null, e.calendarIcs = null,
        e.attachmentContent = null, e.purgedAt = :now
      where e.status = org.codeorg.partnerships.mail.OutboxStatus.SENT and e.sentAt < :sentBefore
        and e.purgedAt is null""")
  int purgeDeliveredBefore(@Param("sentBefore") Instant sentBefore, @Param("now") Instant now);
}
