package org.codeorg.partnerships.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * A datasource proxy that counts the SQL statements the application sends and the time the
 * driver spends in them, per statement text: statements per partnership and where the time goes.
 * A batched statement counts once per {@code addBatch}, as the database runs it once per row.
 */
final class SqlCounter {

  private static final String DRIVER_PREFIX = "[driver] ";
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Count and time of one statement text. */
  record Figure(String sql, long count, long nanos) {
  }

  private static final ThreadLocal<Boolean> DRIVER = ThreadLocal.withInitial(() -> false);
  private static final LongAdder DRIVER_NANOS = new LongAdder();

  private final Map<String, LongAdder[]> bySql = new ConcurrentHashMap<>();

  /**
   * Runs the bench driver's own lookups (what is due, open, waiting): their time and statements
   * are kept apart, so the figures are the application's (or the bare engine's) work only.
   */
  static <T> T driver(java.util.function.Supplier<T> lookup) {
    long start = System.nanoTime();
    DRIVER.set(true);
    try {
      return lookup.get();
    } finally {
      DRIVER.set(false);
      DRIVER_NANOS.add(System.nanoTime() - start);
    }
  }

  static long driverNanos() {
    return DRIVER_NANOS.sum();
  }

  DataSource wrap(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection ? connection(connection) : result;
        });
  }

  void reset() {
    bySql.clear();
  }

  /** Statements of the work, without the driver's lookups. */
  long statements() {
    return work().mapToLong(e -> e.getValue()[0].sum()).sum();
  }

  long nanos() {
    return work().mapToLong(e -> e.getValue()[1].sum()).sum();
  }

  private java.util.stream.Stream<Map.Entry<String, LongAdder[]>> work() {
    return bySql.entrySet().stream().filter(e -> !e.getKey().startsWith(DRIVER_PREFIX));
  }

  /** Statements by what they touch: engine runtime, engine history, other engine tables, the project's tables. */
  Map<String, Long> byArea() {
    Map<String, Long> areas = new LinkedHashMap<>();
    for (String area : List.of("engine runtime (ACT_RU_*)", "engine history (ACT_HI_*)", "engine other (ACT_*)",
        "project tables")) {
      areas.put(area, 0L);
    }
    work().forEach(e -> areas.merge(area(e.getKey()), e.getValue()[0].sum(), Long::sum));
    return areas;
  }

  List<Figure> top(int n) {
    List<Figure> figures = new ArrayList<>();
    work().forEach(e -> figures.add(new Figure(e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum())));
    figures.sort(Comparator.comparingLong(Figure::nanos).reversed());
    return figures.subList(0, Math.min(n, figures.size()));
  }

  /** The project's own statements, most frequent first: where an N+1 load or a repeated lookup shows. */
  List<Figure> topProject(int n) {
    List<Figure> figures = new ArrayList<>();
    work().filter(e -> area(e.getKey()).equals("project tables"))
        .forEach(e -> figures.add(new Figure(e.getKey(), e.getValue()[0].sum(), e.getValue()[1].sum())));
    figures.sort(Comparator.comparingLong(Figure::count).reversed());
    return figures.subList(0, Math.min(n, figures.size()));
  }

  private static final Pattern TABLE = Pattern.compile(
      "(?i)\\b(?:insert\\s+into|update|delete\\s+from|from)\\s+([A-Za-z_][A-Za-z0-9_]*)");

  /** Statements per table (the first table a statement names), for comparing two runs. */
  Map<String, Long> byTable() {
    Map<String, Long> tables = new java.util.TreeMap<>();
    work().forEach(e -> {
      java.util.regex.Matcher matcher = TABLE.matcher(e.getKey());
      tables.merge(matcher.find() ? matcher.group(1).toUpperCase(java.util.Locale.ROOT) : "(other)",
          e.getValue()[0].sum(), Long::sum);
    });
    return tables;
  }

  private static String area(String sql) {
    String upper = sql.toUpperCase(java.util.Locale.ROOT);
    if (upper.contains("ACT_RU_")) {
      return "engine runtime (ACT_RU_*)";
    }
    if (upper.contains("ACT_HI_")) {
      return "engine history (ACT_HI_*)";
    }
    return upper.contains("ACT_") ? "engine other (ACT_*)" : "project tables";
  }

  private Connection connection(Connection target) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (result instanceof Statement statement && !method.getName().equals("unwrap")) {
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
            return statement(statement, sql);
          }
          return result;
        });
  }

  private Statement statement(Statement target, String preparedSql) {
    Class<?>[] interfaces = target instanceof java.sql.CallableStatement ? new Class<?>[] {java.sql.CallableStatement.class}
        : target instanceof java.sql.PreparedStatement ? new Class<?>[] {java.sql.PreparedStatement.class}
        : new Class<?>[] {Statement.class};
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      boolean executes = name.startsWith("execute");
      boolean batches = name.equals("addBatch");
      if (!executes && !batches) {
        return invoke(target, method, args);
      }
      String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
      long start = System.nanoTime();
      try {
        return invoke(target, method, args);
      } finally {
        LongAdder[] figure = bySql.computeIfAbsent((DRIVER.get() ? DRIVER_PREFIX : "") + normalize(sql), k -> new LongAdder[] {new LongAdder(), new LongAdder()});
        if (batches || !name.equals("executeBatch")) {
          figure[0].increment();
        }
        figure[1].add(System.nanoTime() - start);
      }
    };
    return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, handler);
  }

  /** Statement texts repeat (MyBatis and Hibernate reuse them); normalising each once keeps the proxy cheap. */
  private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

  private static String normalize(String sql) {
    return sql == null ? "(batch)" : NORMALIZED.computeIfAbsent(sql, s -> SPACES.matcher(s).replaceAll(" ").trim());
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
