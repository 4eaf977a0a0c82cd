package org.codeorg.partnerships.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * One received email as the mailbox page shows it: headers, the text and HTML bodies, the links of
 * the text body, and the attachments (an {@code invite.ics}, a PDF certificate).
 *
 * @param number the message's place in the mailbox, 1 for the first received (stable: the in-memory
 *     mailbox only grows)
 */
record MailboxMessage(int number, Instant sentAt, String from, String to, String subject, String text, String html,
    List<String> links, List<Attachment> attachments) {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')]+");

  /** A file attached to the message; {@code index} is its place among the message's attachments (0-based). */
  record Attachment(int index, String fileName, String contentType, byte[] content) {

    public int size() {
      return content.length;
    }
  }

  /** A run of the text body: plain text, or a link to show as one. */
  record Segment(String text, boolean link) {
  }

  static MailboxMessage of(int number, MimeMessage message) throws MessagingException, IOException {
    Parts parts = new Parts();
    parts.walk(message);
    String text = parts.text == null ? "" : parts.text;
    LinkedHashSet<String> links = new LinkedHashSet<>();
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      links.add(matcher.group());
    }
    return new MailboxMessage(number, message.getSentDate() == null ? null : message.getSentDate().toInstant(),
        addresses(message.getFrom()), addresses(message.getRecipients(Message.RecipientType.TO)),
        message.getSubject(), text, parts.html, List.copyOf(links), parts.attachments);
  }

  /** The text body cut into plain runs and links, so that the page can make the links clickable without raw HTML. */
  public List<Segment> textSegments() {
    List<Segment> segments = new ArrayList<>();
    Matcher matcher = LINK.matcher(text);
    int at = 0;
    while (matcher.find()) {
      segments.add(new Segment(text.substring(at, matcher.start()), false));
      segments.add(new Segment(matcher.group(), true));
      at = matcher.end();
    }
    segments.add(new Segment(text.substring(at), false));
    return segments;
  }

  private static String addresses(Address[] addresses) {
    if (addresses == null) {
      return "";
    }
    List<String> all = new ArrayList<>();
    for (Address address : addresses) {
      all.add(address.toString());
    }
    return String.join(", ", all);
  }

  private static final class Parts {

    String text;
    String html;
    final List<Attachment> attachments = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
      boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
      if (part.isMimeType("multipart/*") && !attachment) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
      } else if (!attachment && part.isMimeType("text/plain") && text == null) {
        text = String.valueOf(part.getContent());
      } else if (!attachment && part.isMimeType("text/html") && html == null) {
        html = String.valueOf(part.getContent());
      } else {
        String contentType = part.getContentType() == null ? "application/octet-stream"
            : part.getContentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        attachments.add(new Attachment(attachments.size(),
            fileName != null ? fileName : "attachment-" + (attachments.size() + 1), contentType, bytes(part)));
      }
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
      try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        in.transferTo(out);
        return out.toByteArray();
      }
    }
  }
}
