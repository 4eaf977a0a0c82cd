package org.codeorg.partnerships.workshop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WorkshopSeatRepository extends JpaRepository<WorkshopSeat, Long> {

  List<WorkshopSeat> findByWorkshopIdOrderByPositionAscIdAsc(Long workshopId);

  List<WorkshopSeat> findByWorkshopIdAndStatusOrderByPositionAscIdAsc(Long workshopId, SeatStatus status);

  Optional<WorkshopSeat> findByWorkshopIdAndTeacherId(Long workshopId, Long teacherId);

  /** A partnership's seats, e.g. its teachers' enrolments for the district's page. */
  List<WorkshopSeat> findByPartnershipIdAndStatus(Long partnershipId, SeatStatus status);

  Optional<WorkshopSeat> findByGiveUpToken(String giveUpToken);

  /** The workshop of the seat a give-up link names, without loading the seat (it is read after the workshop's lock). */
  @Query("select s.workshopId from WorkshopSeat s where s.giveUpToken = :token")
  Optional<Long> workshopIdOfToken(@Param("token") String token);

  long countByWorkshopIdAndStatus(Long workshopId, SeatStatus status);

  /** The enrolled teachers' seats in roster order: the numbers attendance forms use. */
  default List<WorkshopSeat> enrolled(Long workshopId) {
    return findByWorkshopIdAndStatusOrderByPositionAscIdAsc(workshopId, SeatStatus.ENROLLED);
  }
}
