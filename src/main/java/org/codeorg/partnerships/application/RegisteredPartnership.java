package org.codeorg.partnerships.application;

import java.util.Map;

import org.codeorg.partnerships.partnership.PartnershipStage;

/** What registration hands back to the process: ids and the summary the reviewer reads. */
public record RegisteredPartnership(Long id, String reference, PartnershipStage stage, String districtName,
    Map<String, Object> reviewSummary) {
}
