package org.codeorg.partnerships.engine;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.codeorg.partnerships.common.ConcurrentChangeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place where a lost race becomes an answer: every {@link ConcurrentSubmission} method is
 * wrapped outside its transaction; a unique-constraint violation, a stale row version, a lock
 * timeout or a deadlock, or the engine's {@link OptimisticLockingException} roll the attempt back
 * and it runs again (at most {@link #ATTEMPTS} times, after a short random pause) or, where it must
 * not, ends as {@link ConcurrentChangeException} (409). Any other failure passes through unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class ConcurrentSubmissions {

  /** Identical requests settle in one or two rounds: the loser's next attempt sees the winner's commit. */
  static final int ATTEMPTS = 5;

  /** SQL states of unique violations (23505), serialization failures and deadlocks (40001, 40P01), H2's lock time-out. */
  private static final Set<String> LOST_RACE_STATES = Set.of("23505", "40001", "40P01", "HYT00");

  private static final Logger log = LoggerFactory.getLogger(ConcurrentSubmissions.class);

  /** Infrastructure role and highest precedence: it must wrap the transaction interceptor, not run inside it. */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor concurrentSubmissionAdvisor() {
    DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
        new AnnotationMatchingPointcut(null, ConcurrentSubmission.class, true), new Retry());
    advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return advisor;
  }

  /** Whether {@code failure} (or a cause) says that a concurrent transaction got there first. */
  public static boolean lostRace(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
      if (cause instanceof OptimisticLockingException || cause instanceof ConcurrencyFailureException
          || cause instanceof DuplicateKeyException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null && LOST_RACE_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static final class Retry implements MethodInterceptor {

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
      Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
          : AopUtils.getTargetClass(invocation.getThis());
      ConcurrentSubmission rule = AnnotatedElementUtils.findMergedAnnotation(
          AopUtils.getMostSpecificMethod(invocation.getMethod(), target), ConcurrentSubmission.class);
      // Inside a caller's transaction a new attempt would run in the same, already doomed transaction.
      if (rule == null || TransactionSynchronizationManager.isActualTransactionActive()) {
        return invocation.proceed();
      }
      for (int attempt = 1; ; attempt++) {
        try {
          // A clone: proceed() twice on one invocation would skip the transaction interceptor the second time.
          return ((ProxyMethodInvocation) invocation).invocableClone().proceed();
        } catch (RuntimeException e) {
          if (!lostRace(e)) {
            throw e;
          }
          if (!rule.retry() || attempt >= ATTEMPTS) {
            log.info("{} lost a race to a concurrent request (attempt {}): {}", invocation.getMethod().getName(),
                attempt, e.toString());
            throw new ConcurrentChangeException(rule.value());
          }
          log.debug("{} lost a race to a concurrent request (attempt {}); running it again",
              invocation.getMethod().getName(), attempt, e);
          Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
        }
      }
    }
  }
}
