package org.codeorg.partnerships.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a state-changing service method that identical requests may run at the same moment (a
 * double-click, a client's retry after a time-out). When it loses the race to a unique constraint,
 * a row's version or the engine's optimistic lock, {@link ConcurrentSubmissions} runs it again in
 * a fresh transaction, where its own checks see what the winner did and answer as to a repeat
 * (e.g. "Already applied", 409). Where a repeat would act again, {@code retry = false}: the loser
 * gets {@link org.codeorg.partnerships.common.ConcurrentChangeException} (409) at once.
 * The method must start its own transaction (not be called inside one).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConcurrentSubmission {

  /** What the winning request did, in the 409 when this one is not (or no longer) retried. */
  String value();

  /** False where running the method again would do it a second time (a new token, new invitations). */
  boolean retry() default true;
}
