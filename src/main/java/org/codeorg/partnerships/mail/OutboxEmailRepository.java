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

  Optional<OutboxEmail> findByIdempotencyKey(String idempotencyKey);

  List<OutboxEmail> findByPartnershipIdOrderByCreatedAtAscIdAsc(Long partnershipId);

  long countByRecipient(String recipient);

  /** Rows due for an attempt: queued and due, or claimed by a sender that did not finish in time. */
  @Query("""
      select e.id from OutboxEmail e
      where (e.status = org.codeorg.partnerships.mail.OutboxStatus.QUEUED and e.nextAttemptAt <= :now)
         or (e.status = org.codeorg.partnerships.mail.OutboxStatus.SENDING and e.claimedAt < :staleBefore)
      order by e.nextAttemptAt, e.id""")
  List<Long> findDueIds(@Param("now") Instant now, @Param("staleBefore") Instant staleBefore, Pageable page);

  /**
   * Claims a due row for this sender. Only one of several concurrent senders (threads or nodes)
   * sees an update count of 1, so one email is not handed to SMTP twice.
   */
  @Modifying
  @Query("""
      update OutboxEmail e set e.status = org.codeorg.partnerships.mail.OutboxStatus.SENDING, e.claimedAt = :now
      where e.id = :id
        and ((e.status = org.codeorg.partnerships.mail.OutboxStatus.QUEUED and e.nextAttemptAt <= :now)
          or (e.status = org.codeorg.partnerships.mail.OutboxStatus.SENDING and e.claimedAt < :staleBefore))""")
  int claim(@Param("id") Long id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);
}
