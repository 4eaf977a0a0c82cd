package org.codeorg.partnerships.workshop;

import java.util.List;
import java.util.Optional;

import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.ElementaryPdPath;
import org.codeorg.partnerships.pd.PdTrack;
import org.codeorg.partnerships.pd.PlannedPhase;
import org.springframework.stereotype.Component;

/**
 * The phases of a course's PD track that are workshops (in person or with an affiliate). Elementary
 * courses are looked up on the regional-affiliate path.
 */
@Component
public class WorkshopPhases {

  private final PdTrack track;

  public WorkshopPhases(PdTrack track) {
    this.track = track;
  }

  /** @return the workshop phases of the course, in order */
  public List<PlannedPhase> of(Course course) {
    return track.phases(course, ElementaryPdPath.REGIONAL_AFFILIATE).stream()
        .filter(p -> p.delivery().isWorkshop()).toList();
  }

  /** @return the workshop phase with this number, empty for null, an unknown number or an online phase */
  public Optional<PlannedPhase> find(Course course, Integer number) {
    return of(course).stream().filter(p -> number != null && p.number() == number).findFirst();
  }
}
