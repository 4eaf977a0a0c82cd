package org.codeorg.partnerships.partnership;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeacherRepository extends JpaRepository<Teacher, Long> {

  /** The teacher whose certificate carries this verification code. */
  Optional<Teacher> findByCertificateCode(String certificateCode);
}
