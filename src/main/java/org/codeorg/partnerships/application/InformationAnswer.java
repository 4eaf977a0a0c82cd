package org.codeorg.partnerships.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.codeorg.partnerships.common.MultiLine;

/** The district's answer to the question a partnership manager asked. */
public record InformationAnswer(
    @NotBlank(message = "is required") @Size(max = MAX, message = "must be at most " + MAX + " characters") @MultiLine
    @Schema(example = "CSP will be taught in period 3.") String answer) {

  public static final int MAX = 20_000;
}
