package org.codeorg.partnerships.mail;

public record RenderedEmail(String html, String text) {
}
