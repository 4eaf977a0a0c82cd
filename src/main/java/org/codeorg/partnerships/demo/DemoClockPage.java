package org.codeorg.partnerships.demo;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Move time forward" for administrators on the default start ({@code /demo/clock}): to the next due
 * timer, or by a number of days; the page then shows what happened (timers fired, tasks created, emails
 * sent). Exists only with {@link DemoClock}; in {@code prod} and {@code postgres} there is no such page
 * (404 to an administrator). Access: administrators ({@code web.ApiSecurity}).
 */
@Controller
@ConditionalOnProperty(name = "partnership.demo.clock.enabled", havingValue = "true")
class DemoClockPage {

  private final DemoClock clock;

  DemoClockPage(DemoClock clock) {
    this.clock = clock;
  }

  @GetMapping("/demo/clock")
  String page(Model model, HttpServletResponse response) {
    MailboxPage.pageHeaders(response);
    model.addAttribute("now", clock.now());
    model.addAttribute("next", clock.nextTimer().orElse(null));
    model.addAttribute("maxDays", DemoClock.MAX_DAYS);
    if (!model.containsAttribute("days")) {
      model.addAttribute("days", "30");
    }
    return "demo/clock";
  }

  /** The next due timer. Redirects back to the page with the report (POST, redirect, GET). */
  @PostMapping(path = "/demo/clock", params = "move=next-timer")
  String toNextTimer(RedirectAttributes redirect) {
    redirect.addFlashAttribute("report", clock.toNextTimer());
    return "redirect:/demo/clock";
  }

  /**
   * Forward by {@code days} (1 to {@link DemoClock#MAX_DAYS}); another value re-renders the page with the error
   * next to the field and moves nothing.
   */
  @PostMapping(path = "/demo/clock", params = "move=days")
  String forwardBy(@RequestParam(name = "days", required = false) String days, RedirectAttributes redirect,
      Model model, HttpServletResponse response) {
    int parsed;
    try {
      parsed = Integer.parseInt(days == null ? "" : days.strip());
    } catch (NumberFormatException e) {
      parsed = -1;
    }
    if (parsed < 1 || parsed > DemoClock.MAX_DAYS) {
      response.setStatus(400);
      model.addAttribute("daysError", "Enter a whole number of days from 1 to " + DemoClock.MAX_DAYS);
      model.addAttribute("days", days == null ? "" : days.strip());
      return page(model, response);
    }
    redirect.addFlashAttribute("report", clock.forwardBy(parsed));
    return "redirect:/demo/clock";
  }
}
