package org.codeorg.partnerships.partnership;

public enum LeaderRole {
  COUNSELOR,
  PRINCIPAL
}
