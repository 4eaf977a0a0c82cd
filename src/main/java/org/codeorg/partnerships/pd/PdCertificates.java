package org.codeorg.partnerships.pd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.codeorg.partnerships.partnership.Dates;
import org.codeorg.partnerships.partnership.Teacher;
import org.codeorg.partnerships.partnership.TeacherRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A teacher's PD certificate as a PDF, and its verification code.
 *
 * <p>Apache PDFBox 3.0.8 rather than OpenPDF 2.0.5: PDFBox is Apache-2.0 licensed (OpenPDF is
 * LGPL/MPL), runs on Java 11+ (OpenPDF's newer releases need Java 21), ships the standard-14 fonts
 * so nothing is embedded or installed, and its text extraction lets the tests read what a district's
 * HR office reads.
 *
 * <p>Text is written in WinAnsi (Helvetica); a character outside it (e.g. a name in Greek or
 * Chinese) is replaced by "?" on the PDF only — the verification page shows the name as stored.
 */
@Service
public class PdCertificates {

  /** The statement the terms ask for ("Allow PD to satisfy district hourly requirements"). */
  public static final String COUNTS_TOWARD_DISTRICT_HOURS = "Districts may count these hours toward their annual "
      + "professional development requirements.";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CODE_BYTES = 16;

  private final TeacherRepository teachers;
  private final PdPhaseRepository phases;

  public PdCertificates(TeacherRepository teachers, PdPhaseRepository phases) {
    this.teachers = teachers;
    this.phases = phases;
  }

  /** A new verification code: 128 bits from {@link SecureRandom}, base64url without padding (22 characters). */
  public static String newVerificationCode() {
    byte[] bytes = new byte[CODE_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What the public verification page shows; nothing else about the teacher leaves the application. */
  public record Verification(String teacherName, String courseTitle, int hours, LocalDate issuedOn) {
  }

  /**
   * The certificate behind a verification code.
   *
   * @return empty for an unknown, malformed or not (yet) issued code — the page answers 404
   */
  @Transactional(readOnly = true)
  public Optional<Verification> verify(String code) {
    if (code == null || !code.matches("[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    return teachers.findByCertificateCode(code)
        .filter(t -> t.getCertificateHours() != null && t.getPdCompletedAt() != null)
        .map(t -> new Verification(t.getName(), t.getCourse().title(), t.getCertificateHours(),
            LocalDate.ofInstant(t.getPdCompletedAt(), ZoneOffset.UTC)));
  }

  /**
   * The PDF of an issued certificate (A4-compatible US Letter, one page).
   *
   * @return empty when the teacher has no certificate yet
   */
  @Transactional(readOnly = true)
  public Optional<byte[]> pdf(Long teacherId) {
    return teachers.findById(teacherId).filter(t -> t.getCertificateCode() != null).map(this::pdf);
  }

  /** The PDF of {@code teacher}'s certificate as it stands (its code and the completed phases of the ledger). */
  byte[] pdf(Teacher teacher) {
    List<PdPhase> completed = phases.findByTeacherIdOrderByPhaseNumber(teacher.getId()).stream()
        .filter(p -> p.getStatus() == PdPhaseStatus.COMPLETED).toList();
    int total = completed.stream().mapToInt(PdPhase::getHoursEarned).sum();
    LocalDate issued = teacher.getPdCompletedAt() == null ? LocalDate.now(ZoneOffset.UTC)
        : LocalDate.ofInstant(teacher.getPdCompletedAt(), ZoneOffset.UTC);
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Code.org professional development certificate " + teacher.getCertificateNumber());
      info.setAuthor("Code.org");
      PDPage page = new PDPage(PDRectangle.LETTER);
      document.addPage(page);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        Writer w = new Writer(text, 72, 700);
        w.line(bold, 22, "Certificate of Professional Development");
        w.gap(10);
        w.line(regular, 12, "Code.org certifies that");
        w.line(bold, 18, teacher.getName());
        w.line(regular, 12, "of " + teacher.getPartnership().getDistrict().getName() + " (" + teacher.getSchool().getName() + ")");
        w.line(regular, 12, "completed Code.org's professional development for");
        w.line(bold, 14, teacher.getCourse().title());
        w.gap(8);
        w.line(bold, 12, "Phases completed");
        for (PdPhase phase : completed) {
          String done = phase.getCompletedOn() == null ? "" : ", completed "
              + Dates.LONG.format(phase.getCompletedOn());
          w.line(regular, 11, "Phase " + phase.getPhaseNumber() + ": " + phase.getName() + " (" + Dates.LONG.format(phase.getStartsOn())
              + " to " + Dates.LONG.format(phase.getDueOn()) + done + "), " + phase.getHoursEarned() + " hours");
        }
        w.gap(8);
        w.line(bold, 14, "Total: " + total + " hours");
        w.line(regular, 11, "Issued on " + Dates.LONG.format(issued) + ", certificate " + teacher.getCertificateNumber());
        w.gap(8);
        w.wrapped(regular, 11, COUNTS_TOWARD_DISTRICT_HOURS);
        w.gap(8);
        w.line(regular, 10, "Verification code: " + teacher.getCertificateCode());
        w.line(regular, 10, "Verify at /certificates/" + teacher.getCertificateCode() + " on the Code.org partnerships site.");
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the certificate PDF", e);
    }
  }

  /** Lines from the top of the page down. */
  private static final class Writer {

    private final PDPageContentStream text;
    private final float left;
    private float y;

    Writer(PDPageContentStream text, float left, float top) {
      this.text = text;
      this.left = left;
      this.y = top;
    }

    void line(PDType1Font font, float size, String value) throws IOException {
      text.beginText();
      text.setFont(font, size);
      text.newLineAtOffset(left, y);
      text.showText(winAnsi(font, value));
      text.endText();
      y -= size * 1.5f;
    }

    void wrapped(PDType1Font font, float size, String value) throws IOException {
      float width = PDRectangle.LETTER.getWidth() - 2 * left;
      List<String> lines = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (String word : value.split(" ")) {
        String candidate = current.isEmpty() ? word : current + " " + word;
        if (font.getStringWidth(winAnsi(font, candidate)) / 1000 * size > width && !current.isEmpty()) {
          lines.add(current.toString());
          current = new StringBuilder(word);
        } else {
          current = new StringBuilder(candidate);
        }
      }
      lines.add(current.toString());
      for (String l : lines) {
        line(font, size, l);
      }
    }

    void gap(float points) {
      y -= points;
    }

    /** Characters the font cannot encode become "?" instead of failing the certificate. */
    private static String winAnsi(PDType1Font font, String value) {
      StringBuilder out = new StringBuilder();
      value.codePoints().forEach(cp -> {
        String ch = new String(Character.toChars(cp));
        try {
          font.encode(ch);
          out.append(ch);
        } catch (IOException | IllegalArgumentException e) {
          out.append('?');
        }
      });
      return out.toString();
    }
  }
}
