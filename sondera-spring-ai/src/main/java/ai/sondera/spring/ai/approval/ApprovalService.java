/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package ai.sondera.spring.ai.approval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/**
 * Routes an {@link ApprovalRequest} to an {@link ApprovalHandler} and waits for its
 * answer. Anything but an explicit approval within the timeout is a rejection, with a
 * reason that says which: rejected, timed out, the handler failed, or no handler.
 *
 * <p>
 * The timeout bounds the whole approval, whatever the handler does: the handler is called
 * on a thread of its own, so one that blocks before answering (or never returns) cannot
 * hold the guarded action past the timeout. Its thread is interrupted at the timeout; at
 * most {@code handlerThreads} handlers run at once, and a request that finds them all
 * busy (stuck handlers) is denied at once instead of starting another thread.
 *
 * <p>
 * Requests and decisions are kept in an {@link ApprovalStore}: a request is stored before
 * its handler is asked, a decision applies only to calls with the request's
 * {@link ApprovalRequest#digest() digest} (within its {@link ApprovalScope scope}), and a
 * decision given through the store releases the waiting call whoever gave it. A request
 * that times out stays pending; if it is approved later, the same call runs the next
 * time without asking again. A store that fails denies the escalation.
 *
 * @author Sondera
 */
public class ApprovalService implements AutoCloseable {

	/** How many handler calls may run at once by default. */
	public static final int DEFAULT_HANDLER_THREADS = 64;

	private static final Log logger = LogFactory.getLog(ApprovalService.class);

	private static final ApprovalObservationConvention DEFAULT_CONVENTION = new DefaultApprovalObservationConvention();

	private final Map<String, ApprovalHandler> handlers;

	private final Duration timeout;

	private final ObservationRegistry observations;

	private final ApprovalObservationConvention convention;

	private final ThreadPoolExecutor executor;

	private final int handlerThreads;

	private final ApprovalStore store;

	/**
	 * Create a new service without observations.
	 * @param handlers the handlers by bean name, in routing order
	 * @param timeout how long to wait for a decision
	 */
	public ApprovalService(Map<String, ApprovalHandler> handlers, Duration timeout) {
		this(handlers, timeout, ObservationRegistry.NOOP, null);
	}

	/**
	 * Create a new service that records a {@code sondera.approval} observation per
	 * request.
	 * @param handlers the handlers by bean name, in routing order
	 * @param timeout how long to wait for a decision
	 * @param observations the observation registry
	 * @param convention a custom convention, or {@code null} for the default
	 */
	public ApprovalService(Map<String, ApprovalHandler> handlers, Duration timeout, ObservationRegistry observations,
			ApprovalObservationConvention convention) {
		this(handlers, timeout, observations, convention, DEFAULT_HANDLER_THREADS);
	}

	/**
	 * Create a new service that records a {@code sondera.approval} observation per
	 * request and runs at most {@code handlerThreads} handler calls at once.
	 * @param handlers the handlers by bean name, in routing order
	 * @param timeout how long to wait for a decision, handler call included
	 * @param observations the observation registry
	 * @param convention a custom convention, or {@code null} for the default
	 * @param handlerThreads the most handler calls that may run at once
	 */
	public ApprovalService(Map<String, ApprovalHandler> handlers, Duration timeout, ObservationRegistry observations,
			ApprovalObservationConvention convention, int handlerThreads) {
		this(handlers, timeout, observations, convention, handlerThreads, new InMemoryApprovalStore());
	}

	/**
	 * Create a new service that keeps requests and decisions in a store: each request is
	 * stored before its handler is asked, an earlier approval of the same call (same
	 * digest, in its scope) lets it run without asking, and a decision given through the
	 * store (by {@link PendingApprovals} on another instance) releases the waiting call.
	 * @param handlers the handlers by bean name, in routing order
	 * @param timeout how long to wait for a decision, handler call included
	 * @param observations the observation registry
	 * @param convention a custom convention, or {@code null} for the default
	 * @param handlerThreads the most handler calls that may run at once
	 * @param store where requests and decisions are kept
	 */
	public ApprovalService(Map<String, ApprovalHandler> handlers, Duration timeout, ObservationRegistry observations,
			ApprovalObservationConvention convention, int handlerThreads, ApprovalStore store) {
		if (handlerThreads < 1) {
			throw new IllegalArgumentException("'handlerThreads' must be at least 1, but was " + handlerThreads);
		}
		this.handlers = new LinkedHashMap<>(handlers);
		this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
		this.observations = Objects.requireNonNull(observations, "'observations' must not be null");
		this.convention = convention;
		this.handlerThreads = handlerThreads;
		this.store = Objects.requireNonNull(store, "'store' must not be null");
		this.executor = new ThreadPoolExecutor(0, handlerThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new HandlerThreadFactory());
	}

	/**
	 * Put handlers in routing order: by {@code @Order} / {@link org.springframework.core.Ordered},
	 * keeping their names (the names {@code @escalate} arguments route to).
	 * @param handlers the handlers by bean name
	 * @return the handlers in routing order
	 */
	public static Map<String, ApprovalHandler> ordered(Map<String, ApprovalHandler> handlers) {
		List<Map.Entry<String, ApprovalHandler>> entries = new ArrayList<>(handlers.entrySet());
		entries.sort((left, right) -> AnnotationAwareOrderComparator.INSTANCE.compare(left.getValue(),
				right.getValue()));
		Map<String, ApprovalHandler> ordered = new LinkedHashMap<>();
		entries.forEach((entry) -> ordered.put(entry.getKey(), entry.getValue()));
		return ordered;
	}

	/**
	 * Ask the handler for the request and wait for its decision.
	 * @param request the escalated action
	 * @return the outcome
	 */
	public ApprovalOutcome decide(ApprovalRequest request) {
		if (this.observations.isNoop()) {
			return ask(request);
		}
		ApprovalObservationContext context = new ApprovalObservationContext(request);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
			.start();
		try {
			ApprovalOutcome outcome = ask(request);
			context.setOutcome(outcome);
			return outcome;
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private ApprovalOutcome ask(ApprovalRequest request) {
		try {
			return askHandler(request);
		}
		catch (RuntimeException ex) {
			logger.warn("Approval request " + request.id() + " denied: the approval store failed", ex);
			return new ApprovalOutcome(Outcome.ERROR, "approval requests could not be stored or read: "
					+ ex.getMessage(), null);
		}
	}

	private ApprovalOutcome askHandler(ApprovalRequest request) {
		Optional<StoredApproval> earlier = this.store.takeApproval(request.digest(), Instant.now());
		if (earlier.isPresent()) {
			return approvedEarlier(earlier.get());
		}
		Map.Entry<String, ApprovalHandler> handler = route(request);
		if (handler == null) {
			return new ApprovalOutcome(Outcome.NO_HANDLER, "no ApprovalHandler takes this escalation"
					+ (request.escalateArg().isEmpty() ? "" : " (routed to '" + request.escalateArg() + "')")
					+ "; define an ApprovalHandler bean" + (request.escalateArg().isEmpty() ? ""
							: " named '" + request.escalateArg() + "' or one whose supports() accepts it"), null);
		}
		String name = handler.getKey();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		ApprovalRequest asked = this.store.open(request, Instant.now()).request();
		CompletableFuture<StoredApproval> decidedElsewhere = this.store.whenDecided(asked.id());
		CompletableFuture<ApprovalDecision> answer = new CompletableFuture<>();
		AtomicReference<CompletionStage<ApprovalDecision>> handlerStage = new AtomicReference<>();
		Future<?> call;
		try {
			call = this.executor.submit(() -> callHandler(handler.getValue(), asked, answer, handlerStage));
		}
		catch (RejectedExecutionException ex) {
			decidedElsewhere.cancel(false);
			logger.warn("Approval request " + asked.id() + " denied: " + this.handlerThreads
					+ " approval handler calls are still running (stuck handlers?)");
			return new ApprovalOutcome(Outcome.ERROR, "approval handler '" + name + "' not called: "
					+ this.handlerThreads + " handler calls are still running (sondera.approval.handler-threads)", null);
		}
		try {
			CompletableFuture.anyOf(answer, decidedElsewhere).get(remaining(deadline), TimeUnit.NANOSECONDS);
			StoredApproval decided = decidedElsewhere.isDone() ? decidedElsewhere.join()
					: record(asked.id(), name, answer.join());
			return outcome(decided);
		}
		catch (TimeoutException ex) {
			return new ApprovalOutcome(Outcome.TIMEOUT, "no decision from approval handler '" + name + "' within "
					+ this.timeout + " (sondera.approval.timeout); request " + asked.id() + " stays pending", null);
		}
		catch (ExecutionException | CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			logger.warn("Approval handler '" + name + "' failed for request " + asked.id(), cause);
			return new ApprovalOutcome(Outcome.ERROR, "approval handler '" + name + "' failed: " + cause.getMessage(),
					null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new ApprovalOutcome(Outcome.ERROR, "interrupted while waiting for approval", null);
		}
		finally {
			call.cancel(true);
			decidedElsewhere.cancel(false);
			CompletionStage<ApprovalDecision> stage = handlerStage.get();
			if (stage != null) {
				stage.toCompletableFuture().cancel(true);
			}
		}
	}

	private static void callHandler(ApprovalHandler handler, ApprovalRequest request,
			CompletableFuture<ApprovalDecision> answer, AtomicReference<CompletionStage<ApprovalDecision>> stage) {
		try {
			CompletionStage<ApprovalDecision> returned = handler.requestApproval(request);
			if (returned == null) {
				answer.completeExceptionally(new IllegalStateException("it returned no CompletionStage"));
				return;
			}
			stage.set(returned);
			returned.whenComplete((decision, ex) -> {
				if (ex != null) {
					answer.completeExceptionally(ex);
				}
				else {
					answer.complete(decision);
				}
			});
		}
		catch (RuntimeException ex) {
			answer.completeExceptionally(ex);
		}
	}

	/**
	 * Record the handler's answer; the first decision wins, so one given meanwhile
	 * through the store (another instance) stands.
	 */
	private StoredApproval record(String id, String handler, ApprovalDecision decision) {
		ApprovalDecision answer = (decision != null) ? decision
				: ApprovalDecision.reject(null, "approval handler '" + handler + "' gave no decision");
		return this.store.decide(id, answer, Instant.now())
			.orElseThrow(() -> new IllegalStateException("approval request " + id + " is no longer stored"));
	}

	private ApprovalOutcome outcome(StoredApproval decided) {
		ApprovalDecision decision = decided.decision();
		if (decision.approved() && decision.scope().once() && !this.store.use(decided.id())) {
			return new ApprovalOutcome(Outcome.REJECTED, "approval " + decided.id()
					+ " was already used by another call (scope once)", decision);
		}
		return new ApprovalOutcome(decision.approved() ? Outcome.APPROVED : Outcome.REJECTED, decision.describe(),
				decision);
	}

	private static ApprovalOutcome approvedEarlier(StoredApproval approval) {
		ApprovalDecision decision = approval.decision();
		return new ApprovalOutcome(Outcome.APPROVED, decision.describe("approved earlier") + " (approval "
				+ approval.id() + " at " + approval.decidedAt() + ", scope " + decision.scope() + ")", decision);
	}

	private static long remaining(long deadline) {
		return Math.max(0, deadline - System.nanoTime());
	}

	/**
	 * Stop the handler threads; handlers still running are interrupted.
	 */
	@Override
	public void close() {
		this.executor.shutdownNow();
	}

	private Map.Entry<String, ApprovalHandler> route(ApprovalRequest request) {
		ApprovalHandler named = this.handlers.get(request.escalateArg());
		if (named != null) {
			return Map.entry(request.escalateArg(), named);
		}
		for (Map.Entry<String, ApprovalHandler> entry : this.handlers.entrySet()) {
			if (entry.getValue().supports(request)) {
				return entry;
			}
		}
		return null;
	}

	/**
	 * What came of an approval request.
	 *
	 * @param outcome how it ended
	 * @param reason what happened, for the trajectory and the model
	 * @param decision the handler's decision, or {@code null} if there was none
	 */
	public record ApprovalOutcome(Outcome outcome, String reason, ApprovalDecision decision) {

		/**
		 * Return whether the action may run.
		 * @return whether it was approved
		 */
		public boolean approved() {
			return this.outcome == Outcome.APPROVED;
		}

	}

	/**
	 * How an approval request ended.
	 */
	public enum Outcome {

		/** A handler approved. */
		APPROVED,

		/** A handler rejected (or gave no decision). */
		REJECTED,

		/** No decision within the timeout. */
		TIMEOUT,

		/** The handler failed, or waiting was interrupted. */
		ERROR,

		/** No handler takes the request. */
		NO_HANDLER

	}

	private static final class HandlerThreadFactory implements ThreadFactory {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "sondera-approval-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	}

}
