package org.codeorg.partnerships.common;

/** One bad field of an application, named by its JSON path (e.g. {@code courses[0].school}). */
public record FieldViolation(String field, String message) {
}
