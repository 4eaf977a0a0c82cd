package org.codeorg.partnerships.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a port fixed at first use so that a
 * test can stop it (an SMTP outage) and start it again where the application expects it.
 */
public final class TestSmtpServer {

  private static final int PORT = freePort();
  private static final GreenMail SERVER = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static {
    SERVER.start();
  }

  private TestSmtpServer() {
  }

  public static GreenMail server() {
    return SERVER;
  }

  public static int port() {
    return PORT;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
