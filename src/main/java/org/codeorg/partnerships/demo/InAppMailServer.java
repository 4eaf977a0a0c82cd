package org.codeorg.partnerships.demo;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An SMTP server inside the application (GreenMail), so that on {@code mvn spring-boot:run} every
 * email the outbox sends arrives somewhere a newcomer can read it: the admin's mailbox page
 * ({@code /demo/mailbox}). Default profile only ({@code partnership.demo.mail-server.enabled}, off in
 * the {@code postgres} profile; the {@code prod} profile refuses to start with it on). It listens on
 * {@code partnership.demo.mail-server.port} of 127.0.0.1 (1025, where {@code spring.mail.port}
 * points by default) and keeps messages in memory only: a restart empties the mailbox.
 *
 * <p>Started while the context is built, so before the outbox sender's first poll. If the port is
 * taken (e.g. Mailpit of docker-compose listens there), the application still starts, logs why, and
 * the emails go to whatever listens on that port.
 */
@Component
@ConditionalOnProperty(name = "partnership.demo.mail-server.enabled", havingValue = "true")
public class InAppMailServer implements MailboxSource {

  private static final Logger log = LoggerFactory.getLogger(InAppMailServer.class);

  private final GreenMail server;
  private final int port;
  private final boolean running;

  /**
   * @param port TCP port on 127.0.0.1 (1–65535)
   */
  public InAppMailServer(@Value("${partnership.demo.mail-server.port:1025}") int port) {
    this.port = port;
    this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    boolean started;
    try {
      server.start();
      started = true;
      log.info("In-app SMTP server on 127.0.0.1:{}; read the emails as admin at /demo/mailbox", port);
    } catch (RuntimeException e) {
      started = false;
      log.warn("In-app SMTP server not started: port {} of 127.0.0.1 is not free ({}). Emails go to whatever listens "
          + "there; set partnership.demo.mail-server.port and spring.mail.port to another port to use the mailbox page",
          port, e.getMessage());
    }
    this.running = started;
  }

  @Override
  public List<MimeMessage> messages() {
    return running ? Arrays.asList(server.getReceivedMessages()) : List.of();
  }

  @Override
  public String address() {
    return "smtp://127.0.0.1:" + port + (running ? "" : " (not running: the port was taken)");
  }

  @PreDestroy
  void stop() {
    if (running) {
      server.stop();
    }
  }
}
