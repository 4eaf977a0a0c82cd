package org.codeorg.partnerships.web;

import java.util.List;
import java.util.Map;

import org.codeorg.partnerships.application.InformationRequestRepository;
import org.codeorg.partnerships.partnership.DistrictAccess;
import org.codeorg.partnerships.partnership.DistrictAccessDenied;
import org.codeorg.partnerships.partnership.Partnership;
import org.codeorg.partnerships.partnership.PartnershipEventRepository;
import org.codeorg.partnerships.partnership.PartnershipStage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The page behind the link in every district email: where the partnership stands, what comes
 * next, and its milestones. Opened by the partnership's token only; anything else is the same 404.
 */
@Controller
public class DistrictPageController {

  private static final Map<PartnershipStage, String> NEXT_STEPS = Map.of(
      PartnershipStage.APPLICATION_REVIEW, "A partnership manager is reviewing your application. We will email you the decision.",
      PartnershipStage.AWAITING_INFORMATION, "We asked you a question (below). Please answer it within 30 days of the question.",
      PartnershipStage.TERMS_SIGNATURE, "Please sign the partnership agreement we sent you and return it to the partnership team.",
      PartnershipStage.COMPREHENSIVE_PLAN, "Please submit your comprehensive plan: vision, implementation, promotion and community support.",
      PartnershipStage.PLAN_APPROVED, "Your plan is approved. Professional development and classroom set-up come next; we will contact you.",
      PartnershipStage.DECLINED, "This application was declined.",
      PartnershipStage.WITHDRAWN, "This partnership was withdrawn.");

  private final DistrictAccess access;
  private final PartnershipEventRepository events;
  private final InformationRequestRepository informationRequests;

  public DistrictPageController(DistrictAccess access, PartnershipEventRepository events,
      InformationRequestRepository informationRequests) {
    this.access = access;
    this.events = events;
    this.informationRequests = informationRequests;
  }

  @GetMapping("/district/partnerships/{reference}")
  @Transactional(readOnly = true)
  public String partnership(@PathVariable String reference, @RequestParam(value = "token", required = false) String token,
      Model model) {
    Partnership partnership = access.open(reference, token);
    model.addAttribute("reference", partnership.getReference());
    model.addAttribute("district", partnership.getDistrict().getName());
    model.addAttribute("schoolYear", partnership.getSchoolYear());
    model.addAttribute("stage", partnership.getStage().label());
    model.addAttribute("nextStep", NEXT_STEPS.getOrDefault(partnership.getStage(), ""));
    model.addAttribute("question", partnership.getStage() == PartnershipStage.AWAITING_INFORMATION
        ? informationRequests.findFirstByPartnershipIdAndAnsweredAtIsNullOrderByAskedAtDesc(partnership.getId())
            .map(q -> q.getQuestion()).orElse(null)
        : null);
    List<Map<String, Object>> milestones = events.findByPartnershipIdOrderByOccurredAtAscIdAsc(partnership.getId())
        .stream().map(e -> Map.<String, Object>of("event", e.getEvent().replace('_', ' ').toLowerCase(),
            "date", e.getOccurredAt().toString().substring(0, 10))).toList();
    model.addAttribute("milestones", milestones);
    return "district/partnership";
  }

  @ExceptionHandler(DistrictAccessDenied.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String notFound() {
    return "district/not-found";
  }
}
