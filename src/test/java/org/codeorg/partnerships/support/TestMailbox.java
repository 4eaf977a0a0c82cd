package org.codeorg.partnerships.support;

import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.codeorg.partnerships.demo.MailboxSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * In the shared test context the outbox delivers to {@link TestSmtpServer} (the in-process server of
 * the default profile is off there, because tests stop and start their SMTP server at will), so the
 * admin's mailbox page reads that server: the page shows what the outbox really delivered over SMTP.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailbox {

  @Bean
  MailboxSource testSmtpMailbox() {
    return new MailboxSource() {
      @Override
      public List<MimeMessage> messages() {
        return Arrays.asList(TestSmtpServer.server().getReceivedMessages());
      }

      @Override
      public String address() {
        return "smtp://127.0.0.1:" + TestSmtpServer.port() + " (the tests' SMTP server)";
      }
    };
  }
}
