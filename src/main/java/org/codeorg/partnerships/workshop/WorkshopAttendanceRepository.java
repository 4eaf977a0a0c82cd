package org.codeorg.partnerships.workshop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkshopAttendanceRepository extends JpaRepository<WorkshopAttendance, Long> {

  List<WorkshopAttendance> findByWorkshopId(Long workshopId);

  Optional<WorkshopAttendance> findByWorkshopIdAndSessionNumberAndTeacherId(Long workshopId, int sessionNumber,
      Long teacherId);
}
