package org.codeorg.partnerships.pd;

import jakarta.validation.constraints.NotNull;

/** The district's guarantee that a teacher teaches the course next school year ({@code commits}), or that they cannot. */
public record CommitmentAnswer(
    @NotNull(message = "is required: true if the teacher will teach the course next school year, false if not")
    Boolean commits) {
}
