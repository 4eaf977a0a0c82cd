package org.codeorg.partnerships.reliability;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;

/** Fresh databases on the PostgreSQL server that {@code DB_URL} names, for the separate-process scenarios. */
public final class Databases {

  private Databases() {
  }

  /** @return the JDBC URL of the new database */
  public static String create(String name) throws Exception {
    execute("CREATE DATABASE " + name);
    String url = System.getenv("DB_URL");
    return url.substring(0, url.lastIndexOf('/') + 1) + name;
  }

  public static void drop(String name) throws Exception {
    execute("DROP DATABASE IF EXISTS " + name);
  }

  public static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(System.getenv("DB_URL"),
        System.getenv().getOrDefault("DB_USER", "postgres"), System.getenv().getOrDefault("DB_PASSWORD", "x"))) {
      connection.createStatement().execute(sql);
    }
  }
}
