package org.codeorg.partnerships.pd;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Professional development settings ({@code partnership.pd.*}); the PD calendar itself is the pd-track decision. */
@Validated
@ConfigurationProperties("partnership.pd")
public record PdProperties(
    @Min(1) int commitmentDays,
    @Min(1) int minimumPhaseDays,
    @Min(1) int makeUpDays,
    @Min(1) int leadershipProgramDays,
    @Min(1) int leadershipProgramHours,
    @NotBlank String onlineEnvironmentUrl,
    @NotBlank String exitSurveyUrl,
    @NotBlank @Email String vendorEmail,
    @NotBlank String workshopMaterials) {
}
