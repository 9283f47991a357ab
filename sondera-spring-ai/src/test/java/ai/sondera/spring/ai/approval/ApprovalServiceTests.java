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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing and outcomes of {@link ApprovalService}.
 */
class ApprovalServiceTests {

	private static ApprovalRequest request(String route) {
		return new ApprovalRequest("r1", Stage.PRE_TOOL, "transfer", Map.of("amount", 500), "Escalated",
				List.of(new PolicyMetadata("p", "", true, route, Map.of())), route, "traj-1", null);
	}

	private static ApprovalHandler answering(String approver) {
		return (request) -> CompletableFuture.completedFuture(ApprovalDecision.approve(approver, null));
	}

	@Test
	void routesByBeanNameThenBySupports() {
		Map<String, ApprovalHandler> handlers = new LinkedHashMap<>();
		handlers.put("security", new ApprovalHandler() {
			@Override
			public CompletableFuture<ApprovalDecision> requestApproval(ApprovalRequest request) {
				return CompletableFuture.completedFuture(ApprovalDecision.approve("sec", null));
			}

			@Override
			public boolean supports(ApprovalRequest request) {
				return "transfer".equals(request.toolName()) && request.escalateArg().isEmpty();
			}
		});
		handlers.put("finance", answering("fin"));
		handlers.put("fallback", answering("default"));
		ApprovalService service = new ApprovalService(handlers, Duration.ofSeconds(1));
		assertThat(service.decide(request("finance")).reason()).isEqualTo("approved by fin");
		assertThat(service.decide(request("")).reason()).isEqualTo("approved by sec");
		// no handler is named "legal": the first one (in order) whose supports() accepts it decides
		assertThat(service.decide(request("legal")).reason()).isEqualTo("approved by fin");
	}

	@Test
	void failuresAreRejections() {
		ApprovalHandler throwing = (request) -> {
			throw new IllegalStateException("queue down");
		};
		ApprovalHandler failing = (request) -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
		ApprovalHandler silent = (request) -> CompletableFuture.completedFuture(null);
		assertThat(new ApprovalService(Map.of("a", throwing), Duration.ofSeconds(1)).decide(request("")))
			.satisfies((outcome) -> {
				assertThat(outcome.approved()).isFalse();
				assertThat(outcome.reason()).isEqualTo("approval handler 'a' failed: queue down");
			});
		assertThat(new ApprovalService(Map.of("b", failing), Duration.ofSeconds(1)).decide(request("")).reason())
			.isEqualTo("approval handler 'b' failed: boom");
		assertThat(new ApprovalService(Map.of("c", silent), Duration.ofSeconds(1)).decide(request("")).reason())
			.isEqualTo("rejected: approval handler 'c' gave no decision");
		assertThat(new ApprovalService(Map.of(), Duration.ofSeconds(1)).decide(request("finance")).reason())
			.startsWith("no ApprovalHandler takes this escalation (routed to 'finance')");
	}

	@Test
	void aRequestThatTimedOutStaysPendingAndItsLaterApprovalLetsTheSameCallRunOnce() {
		ApprovalStore store = new InMemoryApprovalStore();
		PendingApprovals pending = new PendingApprovals(store);
		ApprovalService service = new ApprovalService(Map.of("pending", pending), Duration.ofMillis(50),
				ObservationRegistry.NOOP, null, 4, store);
		ApprovalService.ApprovalOutcome outcome = service.decide(request(""));
		assertThat(outcome.approved()).isFalse();
		assertThat(outcome.reason()).contains("no decision").contains("PT0.05S").contains("r1 stays pending");
		assertThat(pending.pending()).extracting(ApprovalRequest::id).containsExactly("r1");
		assertThat(pending.approve("r1", "late", "ok now")).isTrue();
		assertThat(pending.approve("r1", "again", null)).isFalse();
		ApprovalService.ApprovalOutcome again = service.decide(request("").withId("r2"));
		assertThat(again.approved()).isTrue();
		assertThat(again.reason()).startsWith("approved earlier by late: ok now (approval r1 at ")
			.endsWith("scope once)");
		assertThat(service.decide(request("").withId("r3")).reason()).as("a once approval is used up")
			.contains("no decision");
	}

	@Test
	void anApprovalAppliesOnlyToTheSameCall() {
		ApprovalStore store = new InMemoryApprovalStore();
		PendingApprovals pending = new PendingApprovals(store);
		ApprovalService service = new ApprovalService(Map.of("pending", pending), Duration.ofMillis(50),
				ObservationRegistry.NOOP, null, 4, store);
		service.decide(request(""));
		pending.decide("r1", ApprovalDecision.approve("ana", null).withScope(ApprovalScope.CONVERSATION));
		ApprovalRequest changed = new ApprovalRequest("r2", Stage.PRE_TOOL, "transfer", Map.of("amount", 501),
				"Escalated", List.of(new PolicyMetadata("p", "", true, "", Map.of())), "", "traj-1", null);
		assertThat(service.decide(changed).approved()).as("a changed argument is asked again").isFalse();
		assertThat(service.decide(request("").withId("r3")).approved()).isTrue();
		assertThat(service.decide(request("").withId("r4")).approved()).as("conversation scope").isTrue();
		ApprovalRequest otherTrajectory = new ApprovalRequest("r5", Stage.PRE_TOOL, "transfer", Map.of("amount", 500),
				"Escalated", List.of(new PolicyMetadata("p", "", true, "", Map.of())), "", "traj-2", null);
		assertThat(service.decide(otherTrajectory).approved()).as("another conversation").isFalse();
		assertThat(store.pending()).extracting(StoredApproval::id).containsExactly("r2", "r5");
	}

	@Test
	void anApprovalUntilATimeEnds() {
		ApprovalStore store = new InMemoryApprovalStore();
		ApprovalRequest request = request("");
		store.open(request, Instant.now());
		store.decide("r1", ApprovalDecision.approve("ana", null).withScope(ApprovalScope.until(Instant.now().plusSeconds(60))),
				Instant.now());
		assertThat(store.takeApproval(request.digest(), Instant.now())).isPresent();
		assertThat(store.takeApproval(request.digest(), Instant.now())).as("reusable until then").isPresent();
		assertThat(store.takeApproval(request.digest(), Instant.now().plusSeconds(61))).isEmpty();
	}

	@Test
	void theDigestIgnoresKeyOrderButNotValues() {
		Map<String, Object> ordered = new LinkedHashMap<>();
		ordered.put("a", 1);
		ordered.put("b", Map.of("y", 2, "x", 3));
		Map<String, Object> reversed = new LinkedHashMap<>();
		reversed.put("b", new TreeMap<>(Map.of("x", 3, "y", 2)));
		reversed.put("a", 1);
		assertThat(withArguments(ordered).digest()).isEqualTo(withArguments(reversed).digest());
		assertThat(withArguments(Map.of("a", 2)).digest()).isNotEqualTo(withArguments(Map.of("a", 1)).digest());
	}

	private static ApprovalRequest withArguments(Map<String, Object> arguments) {
		return new ApprovalRequest("r", Stage.PRE_TOOL, "t", arguments, "", List.of(), "", "traj", null);
	}

	@Test
	void aDecisionGivenThroughTheStoreReleasesTheWaitingCall() throws Exception {
		ApprovalStore store = new InMemoryApprovalStore();
		ApprovalHandler silent = (request) -> new CompletableFuture<>();
		try (ApprovalService service = new ApprovalService(Map.of("silent", silent), Duration.ofSeconds(10),
				ObservationRegistry.NOOP, null, 4, store)) {
			CompletableFuture<ApprovalService.ApprovalOutcome> outcome = CompletableFuture
				.supplyAsync(() -> service.decide(request("")));
			while (store.pending().isEmpty()) {
				Thread.sleep(5);
			}
			long start = System.nanoTime();
			store.decide("r1", ApprovalDecision.approve("bob", null), Instant.now());
			assertThat(outcome.get(5, TimeUnit.SECONDS).reason()).isEqualTo("approved by bob");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void timeoutBoundsAHandlerThatBlocksBeforeAnswering() {
		ApprovalHandler slow = (request) -> {
			sleep(1500);
			return CompletableFuture.completedFuture(ApprovalDecision.approve("late", null));
		};
		try (ApprovalService service = new ApprovalService(Map.of("slow", slow), Duration.ofMillis(200),
				ObservationRegistry.NOOP, null, 4)) {
			long started = System.nanoTime();
			ApprovalService.ApprovalOutcome outcome = service.decide(request(""));
			long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(outcome.outcome()).isEqualTo(ApprovalService.Outcome.TIMEOUT);
			assertThat(outcome.approved()).isFalse();
			assertThat(elapsedMillis).isLessThan(1000);
		}
	}

	@Test
	void stuckHandlersUseABoundedNumberOfThreads() {
		CountDownLatch never = new CountDownLatch(1);
		ApprovalHandler stuck = (request) -> {
			awaitUninterruptibly(never);
			return CompletableFuture.completedFuture(ApprovalDecision.approve("never", null));
		};
		try (ApprovalService service = new ApprovalService(Map.of("stuck", stuck), Duration.ofMillis(20),
				ObservationRegistry.NOOP, null, 3)) {
			List<ApprovalService.ApprovalOutcome> outcomes = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				outcomes.add(service.decide(request("")));
			}
			assertThat(outcomes).noneMatch(ApprovalService.ApprovalOutcome::approved);
			assertThat(outcomes).filteredOn((outcome) -> outcome.outcome() == ApprovalService.Outcome.TIMEOUT)
				.hasSize(3);
			assertThat(outcomes.get(29).reason()).contains("3 handler calls are still running");
			assertThat(handlerThreads()).isEqualTo(3);
		}
		finally {
			never.countDown();
		}
	}

	/**
	 * Count the live threads that are running the stuck handler.
	 */
	private static long handlerThreads() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getName().startsWith("sondera-approval-"))
			.filter((entry) -> java.util.Arrays.stream(entry.getValue())
				.anyMatch((frame) -> frame.getMethodName().equals("awaitUninterruptibly")))
			.count();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
