package org.codeorg.partnerships.district;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEventRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.codeorg.partnerships.partnership.SchoolLevel;
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

  /** Model attribute: the list of an "Add rows" action of the renewal form ({@link DistrictRenewalPage}). */
  static final String ADD_ROWS_TO = "renewalAddRowsTo";

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
    if (stage == PartnershipStage.RENEWAL_CONFIRMATION) {
      @SuppressWarnings("unchecked")
      Map<String, String> typed = (Map<String, String>) model.getAttribute("values");
      Map<String, String> values = rows(partnership, typed == null ? Map.of() : typed);
      model.addAttribute("values", values);
      String problem = (String) model.getAttribute("problem");
      DistrictRenewalPage.ROWS.show(model, values, (String) model.getAttribute(ADD_ROWS_TO), "A renewal");
      if (problem != null) {
        model.addAttribute("problem", problem);
      }
    }
  }

  /**
   * What the form shows in its rows: what was typed, or on a first view last year's schools and courses with
   * empty rows to spare.
   */
  private static Map<String, String> rows(Partnership p, Map<String, String> typed) {
    if (typed.keySet().stream().anyMatch(name -> name.startsWith("schools[") || name.startsWith("sections["))) {
      return typed;
    }
    Map<String, String> values = new LinkedHashMap<>(typed);
    int row = 0;
    for (var school : p.getSchools()) {
      values.put("schools[" + row + "].name", school.getName());
      values.put("schools[" + row++ + "].level", school.getLevel().name());
    }
    spare(values, "schools", row);
    row = 0;
    for (Map.Entry<String, Long> offer : offers(p).entrySet()) {
      String[] key = offer.getKey().split("\u0000");
      values.put("sections[" + row + "].course", key[1]);
      values.put("sections[" + row + "].school", key[0]);
      values.put("sections[" + row++ + "].sections", String.valueOf(offer.getValue()));
    }
    spare(values, "sections", row);
    spare(values, "newTeachers", 0);
    return values;
  }

  /** Empty rows after the first {@code filled}, so that the form works without JavaScript. */
  private static void spare(Map<String, String> values, String list, int filled) {
    int rows = Math.max(filled + DistrictRenewalPage.SPARE_ROWS.get(list), DistrictRenewalPage.ROWS.first().get(list));
    for (int i = filled; i < rows; i++) {
      for (String field : DistrictRenewalPage.ROWS.fields().get(list)) {
        values.put(list + "[" + i + "]." + field, "");
      }
    }
  }

  /** Sections per school and course ("school\0COURSE" → count), in the order of the sections. */
  private static Map<String, Long> offers(Partnership p) {
    return p.getSections().stream().collect(Collectors.groupingBy(
        s -> s.getSchool().getName() + "\u0000" + s.getCourse().name(), LinkedHashMap::new, Collectors.counting()));
  }

  private static Map<String, Object> confirmation(Partnership p) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("teachers", p.getTeachers().stream().map(t -> Map.of("id", t.getId(), "name", t.getName(),
        "email", t.getEmail(), "course", t.getCourse().title(), "school", t.getSchool().getName())).toList());
    view.put("levels", FormRows.options(SchoolLevel.values(), FormRows::capitalized));
    view.put("courses", DistrictApplicationPage.courseOptions());
    return view;
  }
}
