package org.codeorg.partnerships.partnership;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TeacherRepository extends JpaRepository<Teacher, Long> {

  /** Every teacher with this email, in any partnership (a teacher may be in more than one school year). */
  List<Teacher> findByEmailIgnoreCase(String email);
}
