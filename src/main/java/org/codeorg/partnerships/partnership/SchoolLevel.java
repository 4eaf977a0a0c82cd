package org.codeorg.partnerships.partnership;

public enum SchoolLevel {
  HIGH,
  MIDDLE,
  ELEMENTARY
}
