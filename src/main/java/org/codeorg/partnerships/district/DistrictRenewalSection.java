package org.codeorg.partnerships.district;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.codeorg.partnerships.partnership.Course;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEventRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.PartnershipYears;
import org.codeorg.partnerships.plan.PlanDrafts;
import org.codeorg.partnerships.plan.PlanSections;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The renewal's part of the district page ({@code templates/district/renewal.html}): the years of
 * the partnership with their milestones, the confirmation form of a renewal, last year's plan as
 * the draft of this year's, and the next step of the renewal stages.
 */
@Component
class DistrictRenewalSection {

  /**
   * Empty rows for new teachers and new course offers: the form works without JavaScript. More new
   * teachers at once go through {@code POST /api/partnerships/{ref}/renewal-confirmation}.
   */
  static final int NEW_TEACHER_ROWS = 10;
  static final int NEW_OFFER_ROWS = 2;

  private final PartnershipYears years;
  private final PartnershipEventRepository events;
  private final PlanDrafts drafts;

  DistrictRenewalSection(PartnershipYears years, PartnershipEventRepository events, PlanDrafts drafts) {
    this.years = years;
    this.events = events;
    this.drafts = drafts;
  }

  /** Adds {@code years}, {@code renewal}, {@code planDraft} and, in a renewal's stages, {@code nextStep}. */
  void fill(Partnership partnership, Model model) {
    List<Partnership> chain = years.of(partnership);
    model.addAttribute("years", chain.size() < 2 ? List.of() : chain.stream().map(y -> Map.<String, Object>of(
        "reference", y.getReference(), "schoolYear", y.getSchoolYear(), "stage", y.getStage().label(),
        "current", y == partnership,
        "milestones", events.findByPartnershipIdOrderByOccurredAtAscIdAsc(y.getId()).stream()
            .map(e -> Map.of("event", e.getEvent().replace('_', ' ').toLowerCase(),
                "date", e.getOccurredAt().toString().substring(0, 10))).toList())).toList());
    PlanSections draft = drafts.draftFor(partnership).orElse(null);
    model.addAttribute("planDraft", draft == null ? Map.of() : Map.of("vision", draft.vision(),
        "implementation", draft.implementation(), "promotion", draft.promotion(),
        "communitySupport", draft.communitySupport()));
    PartnershipStage stage = partnership.getStage();
    if (stage == PartnershipStage.RENEWAL_CONFIRMATION) {
      model.addAttribute("nextStep", "Your partnership continues into " + partnership.getSchoolYear() + ". Please "
          + "confirm below which teachers return, add new teachers and change the number of sections where it changes.");
    } else if (stage == PartnershipStage.RENEWAL_REVIEW) {
      model.addAttribute("nextStep", "Thank you for confirming your teachers and sections. A partnership manager is "
          + "reviewing the renewal; we will then ask you to update last year's comprehensive plan.");
    } else if (partnership.isRenewalRequested() && chain.get(chain.size() - 1) != partnership) {
      model.addAttribute("nextStep", "This school year is closed. The partnership continues in the next school year: "
          + "follow its link below.");
    }
    model.addAttribute("renewal", stage != PartnershipStage.RENEWAL_CONFIRMATION ? null : confirmation(partnership));
  }

  private static Map<String, Object> confirmation(Partnership p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("teachers", p.getTeachers().stream().map(t -> Map.of("id", t.getId(), "name", t.getName(),
        "email", t.getEmail(), "course", t.getCourse().title(), "school", t.getSchool().getName())).toList());
    Map<String, Long> counts = p.getSections().stream().collect(Collectors.groupingBy(
        s -> s.getSchool().getName() + "\u0000" + s.getCourse().name(), LinkedHashMap::new, Collectors.counting()));
    view.put("offers", counts.entrySet().stream().map(e -> {
      String[] key = e.getKey().split("\u0000");
      return Map.of("school", key[0], "course", key[1], "title", Course.valueOf(key[1]).title(),
          "sections", String.valueOf(e.getValue()));
    }).toList());
    Map<String, String> schools = new LinkedHashMap<>();
    p.getSchools().forEach(s -> schools.put(s.getName(), s.getName()));
    view.put("schools", schools);
    Map<String, String> courses = new LinkedHashMap<>();
    for (Course course : Course.values()) {
      courses.put(course.name(), course.title());
    }
    view.put("courses", courses);
    view.put("newTeacherRows", NEW_TEACHER_ROWS);
    view.put("newOfferRows", NEW_OFFER_ROWS);
    return view;
  }
}
