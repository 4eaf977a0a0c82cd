package org.codeorg.partnerships.workshop;

import java.time.Instant;

/** One session of a workshop as staff enter it. */
public record SessionTimes(Instant startsAt, Instant endsAt) {
}
