package org.codeorg.partnerships.demo;

import java.util.List;

import jakarta.mail.internet.MimeMessage;

/**
 * Where the admin's mailbox page ({@link MailboxPage}) reads the emails the outbox delivered: the
 * in-process SMTP server of the default profile ({@link InAppMailServer}); in the tests, the test
 * JVM's own SMTP server.
 */
public interface MailboxSource {

  /** Every message received so far, in order of arrival (oldest first); empty when none. */
  List<MimeMessage> messages();

  /** Where the server listens, e.g. {@code smtp://127.0.0.1:1025}, for the page's header. */
  String address();
}
