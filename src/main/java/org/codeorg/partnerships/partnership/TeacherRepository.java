package org.codeorg.partnerships.partnership;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeacherRepository extends JpaRepository<Teacher, Long> {

  /** The teacher whose certificate carries this verification code. */
  Optional<Teacher> findByCertificateCode(String certificateCode);

  /** Every teacher with this email, in any partnership (a teacher may be in more than one school year). */
  List<Teacher> findByEmailIgnoreCase(String email);
}
