package org.codeorg.partnerships.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The admin's mailbox on the default start ({@code /demo/mailbox}): every email the outbox delivered
 * to the in-process SMTP server ({@link InAppMailServer}), newest first, each with its text (links
 * clickable), its HTML in a sandboxed frame, and its attachments to download. Answers only where a
 * {@link MailboxSource} exists (default profile; the tests' context); elsewhere every {@code /demo/mailbox}
 * URL is a 404. Access: administrators ({@code web.ApiSecurity}).
 *
 * <p>The HTML bodies are the application's own templates, but they carry district-entered text, so
 * they are served from their own URL with a Content-Security-Policy {@code sandbox} (no scripts, no
 * same-origin access) and shown in an {@code <iframe sandbox>}; a link in them opens in the whole
 * window ({@code <base target="_top">}).
 */
@Controller
class MailboxPage {

  static final String PAGE_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
  private static final String EMAIL_POLICY = "sandbox allow-popups allow-popups-to-escape-sandbox "
      + "allow-top-navigation-by-user-activation; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; "
      + "frame-ancestors 'self'";

  private final ObjectProvider<MailboxSource> sources;

  MailboxPage(ObjectProvider<MailboxSource> sources) {
    this.sources = sources;
  }

  private MailboxSource mailbox() {
    MailboxSource source = sources.getIfUnique();
    if (source == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No mailbox in this profile");
    }
    return source;
  }

  /**
   * The list, newest first; {@code to} (optional) keeps the messages whose recipients contain it
   * (case-insensitive), e.g. a district contact's address.
   */
  @GetMapping("/demo/mailbox")
  String list(@RequestParam(name = "to", required = false) String to, Model model, HttpServletResponse response)
      throws MessagingException, IOException {
    pageHeaders(response);
    List<MimeMessage> received = mailbox().messages();
    List<MailboxMessage> shown = new ArrayList<>();
    String filter = to == null ? "" : to.strip().toLowerCase(Locale.ROOT);
    for (int i = received.size() - 1; i >= 0; i--) {
      MailboxMessage message = MailboxMessage.of(i + 1, received.get(i));
      if (filter.isEmpty() || message.to().toLowerCase(Locale.ROOT).contains(filter)) {
        shown.add(message);
      }
    }
    model.addAttribute("messages", shown);
    model.addAttribute("total", received.size());
    model.addAttribute("to", filter);
    model.addAttribute("address", mailbox().address());
    return "demo/mailbox";
  }

  /** One message: headers, links, text, the HTML frame and the attachments; 404 for a number not in the mailbox. */
  @GetMapping("/demo/mailbox/{number}")
  String message(@PathVariable("number") int number, Model model, HttpServletResponse response)
      throws MessagingException, IOException {
    pageHeaders(response);
    model.addAttribute("message", find(number));
    return "demo/mailbox-message";
  }

  /** The HTML body alone, for the sandboxed frame; 404 when the message has none. */
  @GetMapping("/demo/mailbox/{number}/html")
  ResponseEntity<String> html(@PathVariable("number") int number) throws MessagingException, IOException {
    MailboxMessage message = find(number);
    if (message.html() == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This email has no HTML body");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", EMAIL_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .body("<base target=\"_top\">" + message.html());
  }

  /** An attachment as a download (never shown inline); 404 for an unknown one. */
  @GetMapping("/demo/mailbox/{number}/attachments/{index}")
  ResponseEntity<byte[]> attachment(@PathVariable("number") int number, @PathVariable("index") int index)
      throws MessagingException, IOException {
    List<MailboxMessage.Attachment> attachments = find(number).attachments();
    if (index < 0 || index >= attachments.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such attachment");
    }
    MailboxMessage.Attachment attachment = attachments.get(index);
    MediaType type;
    try {
      type = MediaType.parseMediaType(attachment.contentType());
    } catch (RuntimeException e) {
      type = MediaType.APPLICATION_OCTET_STREAM;
    }
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "no-store")
        .body(attachment.content());
  }

  private MailboxMessage find(int number) throws MessagingException, IOException {
    List<MimeMessage> received = mailbox().messages();
    if (number < 1 || number > received.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No email " + number + " in the mailbox");
    }
    return MailboxMessage.of(number, received.get(number - 1));
  }

  /** An unknown message or attachment, or no mailbox in this profile: a plain 404 (not the API's 500 for the unexpected). */
  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<String> notFound(ResponseStatusException e) {
    return ResponseEntity.status(e.getStatusCode()).contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header("X-Content-Type-Options", "nosniff").body(e.getReason());
  }

  static void pageHeaders(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", PAGE_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Cache-Control", "no-store");
  }
}
