package org.codeorg.partnerships.plan;

/** The four sections the partnership terms ask the district's plan to detail (or comments on them). */
public record PlanSections(String vision, String implementation, String promotion, String communitySupport) {
}
