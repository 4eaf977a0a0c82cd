package org.codeorg.partnerships.district;

import jakarta.servlet.http.HttpServletResponse;

import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.pd.PdCertificates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public check of a PD certificate: anyone with the verification code printed on the PDF (an
 * HR office, a state agency) sees the teacher's name, the course, the hours and the date, and
 * nothing else. An unknown code is a 404 page; codes carry 128 random bits, so they cannot be guessed.
 */
@Controller
public class CertificateVerificationPage {

  private final PdCertificates certificates;

  public CertificateVerificationPage(PdCertificates certificates) {
    this.certificates = certificates;
  }

  /** 200 with the certificate's facts, or 404 with a page saying the code is unknown. */
  @GetMapping("/certificates/{code}")
  public String verify(@PathVariable String code, Model model, HttpServletResponse response) {
    return certificates.verify(code).map(found -> {
      model.addAttribute("teacherName", found.teacherName());
      model.addAttribute("courseTitle", found.courseTitle());
      model.addAttribute("hours", found.hours());
      model.addAttribute("issuedOn", Dates.LONG.format(found.issuedOn()));
      return "district/certificate";
    }).orElseGet(() -> {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return "district/certificate-unknown";
    });
  }
}
