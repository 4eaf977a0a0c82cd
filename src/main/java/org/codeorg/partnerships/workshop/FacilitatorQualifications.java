package org.codeorg.partnerships.workshop;

import java.util.List;

import org.codeorg.partnerships.partnership.Course;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which facilitators (Camunda user ids) are qualified to lead which course's workshops. */
@Component
public class FacilitatorQualifications {

  private final JdbcTemplate jdbc;

  public FacilitatorQualifications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> qualifiedFor(Course course) {
    return jdbc.queryForList("SELECT user_id FROM facilitator_qualification WHERE course = ? ORDER BY user_id",
        String.class, course.name());
  }

  public void qualify(String userId, Course course) {
    if (!qualifiedFor(course).contains(userId)) {
      jdbc.update("INSERT INTO facilitator_qualification (user_id, course) VALUES (?, ?)", userId, course.name());
    }
  }
}
