package org.codeorg.partnerships.district;

import jakarta.servlet.http.HttpServletResponse;

import org.codeorg.partnerships.workshop.WorkshopSeatRelease;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The "give up my seat" page of a workshop's enrolment email: the seat's 128-bit token is the
 * only key (public route, like {@link CertificateVerificationPage}). GET shows the workshop in its
 * own time zone and the button; POST gives the seat up and shows the confirmation, the same on
 * every later click. An unknown token is a 404 page.
 */
@Controller
public class SeatGiveUpPage {

  private final WorkshopSeatRelease release;

  public SeatGiveUpPage(WorkshopSeatRelease release) {
    this.release = release;
  }

  /** 200 with the workshop and the seat's state (the button while the seat can be given up), or 404. */
  @GetMapping("/district/seats/{token}")
  public String show(@PathVariable String token, Model model, HttpServletResponse response) {
    return release.find(token).map(seat -> page(seat, token, model)).orElseGet(() -> unknown(response));
  }

  /** Gives the seat up; 200 with the confirmation (also when given up before), or 404. */
  @PostMapping("/district/seats/{token}")
  public String giveUp(@PathVariable String token, Model model, HttpServletResponse response) {
    return release.giveUp(token).map(seat -> page(seat, token, model)).orElseGet(() -> unknown(response));
  }

  private static String page(WorkshopSeatRelease.SeatView seat, String token, Model model) {
    model.addAttribute("seat", seat);
    model.addAttribute("token", token);
    return "district/seat";
  }

  private static String unknown(HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return "district/seat-unknown";
  }
}
