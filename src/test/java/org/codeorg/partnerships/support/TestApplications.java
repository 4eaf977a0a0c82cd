package org.codeorg.partnerships.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Start-form variables of a valid application, unique per call so tests never collide. */
public final class TestApplications {

  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 800_000));

  private TestApplications() {
  }

  public static Map<String, Object> startForm() {
    int n = NEXT.incrementAndGet();
    Map<String, Object> v = new HashMap<>();
    v.put("districtName", "Test District " + n);
    v.put("districtNcesId", String.valueOf(9_000_000 + n));
    v.put("districtState", "CA");
    v.put("contactName", "Contact " + n);
    v.put("contactEmail", "contact" + n + "@district" + n + ".k12.test");
    v.put("contactPhone", "+1 555 0100");
    v.put("schoolYear", "2027-2028");
    v.put("schoolName", "Test High " + n);
    v.put("schoolLevel", "HIGH");
    v.put("course", "CSP");
    v.put("sections", 2L);
    v.put("teacherName", "Teacher " + n);
    v.put("teacherEmail", "teacher" + n + "@district" + n + ".k12.test");
    v.put("oneToOneComputing", true);
    v.put("bandwidthMbps", 25L);
    return v;
  }
}
