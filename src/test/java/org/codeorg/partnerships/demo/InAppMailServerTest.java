package org.codeorg.partnerships.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The default profile's in-process SMTP server on its own (the shared test context uses the tests'
 * server instead): it receives what an SMTP client sends, and a taken port leaves the application
 * running with the mailbox saying why.
 */
class InAppMailServerTest {

  @Test
  void receivesOverSmtpAndStops() throws Exception {
    int port = freePort();
    InAppMailServer server = new InAppMailServer(port);
    try {
      JavaMailSenderImpl client = new JavaMailSenderImpl();
      client.setHost("127.0.0.1");
      client.setPort(port);
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom("partnerships@code.org");
      message.setTo("district@example.test");
      message.setSubject("Hello from the outbox");
      message.setText("See http://localhost:8080/district/apply");
      client.send(message);

      assertThat(server.messages()).hasSize(1);
      assertThat(server.messages().get(0).getSubject()).isEqualTo("Hello from the outbox");
      assertThat(MailboxMessage.of(1, server.messages().get(0)).links()).containsExactly("http://localhost:8080/district/apply");
      assertThat(server.address()).isEqualTo("smtp://127.0.0.1:" + port);

      InAppMailServer second = new InAppMailServer(port);
      assertThat(second.messages()).isEmpty();
      assertThat(second.address()).contains("not running");
      second.stop();
    } finally {
      server.stop();
    }
    try (ServerSocket again = new ServerSocket(port)) {
      assertThat(again.getLocalPort()).as("the port is free again after stop").isEqualTo(port);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
