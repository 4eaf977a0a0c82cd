package org.codeorg.partnerships.pd;

/** One row of the {@code pd-track} decision: a phase of a course's PD calendar. */
public record PlannedPhase(int number, String name, PdDelivery delivery, String deliveredBy, int hours,
    int startOffsetMonths, int durationMonths) {
}
