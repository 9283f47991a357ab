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

package ai.sondera.approvals.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

import ai.sondera.harness.PolicyMetadata;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.harness.support.ContentText;
import ai.sondera.spring.ai.approval.ApprovalDecision;
import ai.sondera.spring.ai.approval.ApprovalRequest;
import ai.sondera.spring.ai.approval.ApprovalScope;
import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.spring.ai.approval.PendingApprovals;
import ai.sondera.spring.ai.approval.StoredApproval;

/**
 * The approvals console: one page (static HTML, script and style bundled in this jar, no
 * CDN) and the JSON it reads: pending requests with what the agent wants to do, why, and
 * the conversation's last steps; decided ones; a stream of change events; and the
 * decision. Every request goes through {@link ConsoleAccess}. Its mappings are relative:
 * register it under the console's path with a path prefix
 * ({@code PathMatchConfigurer.addPathPrefix(path, HandlerTypePredicate.forAssignableType(ApprovalConsoleController.class))}).
 *
 * @author Sondera
 */
@Controller
public class ApprovalConsoleController {

	private static final String ASSETS = "ai/sondera/approvals/console/";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
			+ " connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private static final int RECENT_STEPS = 5;

	private static final int HISTORY = 200;

	private final PendingApprovals pending;

	private final ApprovalStore store;

	private final TrajectoryStore trajectories;

	private final Duration timeout;

	private final ConsoleAccess access;

	private final ApprovalChanges changes;

	private final String path;

	private final String page = readPage();

	/**
	 * Create the controller.
	 * @param pending decides requests
	 * @param store where requests are kept
	 * @param trajectories where the conversations' steps are, or {@code null}
	 * @param timeout how long a call waits for a decision (sondera.approval.timeout)
	 * @param access who may use the console
	 * @param changes change events for open pages
	 * @param path where the console is served (the path prefix of its mappings)
	 */
	public ApprovalConsoleController(PendingApprovals pending, ApprovalStore store,
			@Nullable TrajectoryStore trajectories, Duration timeout, ConsoleAccess access, ApprovalChanges changes,
			String path) {
		this.pending = Objects.requireNonNull(pending, "'pending' must not be null");
		this.store = Objects.requireNonNull(store, "'store' must not be null");
		this.trajectories = trajectories;
		this.timeout = Objects.requireNonNull(timeout, "'timeout' must not be null");
		this.access = Objects.requireNonNull(access, "'access' must not be null");
		this.changes = Objects.requireNonNull(changes, "'changes' must not be null");
		this.path = Objects.requireNonNull(path, "'path' must not be null");
	}

	/**
	 * The console page.
	 * @param request the request
	 * @return the page, with its script and style under the console's path
	 */
	@GetMapping
	public ResponseEntity<String> page(HttpServletRequest request) {
		this.access.approver(request);
		return asset(MediaType.TEXT_HTML)
			.body(this.page.replace("__BASE__", HtmlUtils.htmlEscape(request.getContextPath() + this.path)));
	}

	/**
	 * The page's script.
	 * @param request the request
	 * @return the script
	 */
	@GetMapping("/console.js")
	public ResponseEntity<Resource> script(HttpServletRequest request) {
		this.access.approver(request);
		return asset(MediaType.valueOf("text/javascript")).body(new ClassPathResource(ASSETS + "console.js"));
	}

	/**
	 * The page's style.
	 * @param request the request
	 * @return the style sheet
	 */
	@GetMapping("/console.css")
	public ResponseEntity<Resource> style(HttpServletRequest request) {
		this.access.approver(request);
		return asset(MediaType.valueOf("text/css")).body(new ClassPathResource(ASSETS + "console.css"));
	}

	/**
	 * Who is signed in, what a decision must carry (CSRF header and token), and the
	 * approval timeout.
	 * @param request the request
	 * @return the session
	 */
	@GetMapping("/api/session")
	@ResponseBody
	public Map<String, Object> session(HttpServletRequest request) {
		Map<String, Object> session = new LinkedHashMap<>();
		session.put("approver", this.access.approver(request));
		session.put("csrf", this.access.csrf(request));
		session.put("timeout", this.timeout.toString());
		return session;
	}

	/**
	 * The requests waiting for a decision, newest first, each with the conversation's
	 * last steps and when it times out.
	 * @param request the request
	 * @return the pending requests
	 */
	@GetMapping("/api/pending")
	@ResponseBody
	public List<Map<String, Object>> pending(HttpServletRequest request) {
		this.access.approver(request);
		List<StoredApproval> newestFirst = new ArrayList<>(this.store.pending());
		Collections.reverse(newestFirst);
		return newestFirst.stream().map(this::pendingView).toList();
	}

	/**
	 * The most recently decided requests, newest first.
	 * @param request the request
	 * @param tool only this tool, or {@code null}
	 * @param outcome only {@code approved} or {@code rejected}, or {@code null}
	 * @return the decided requests
	 */
	@GetMapping("/api/history")
	@ResponseBody
	public List<Map<String, Object>> history(HttpServletRequest request, @RequestParam(required = false) String tool,
			@RequestParam(required = false) String outcome) {
		this.access.approver(request);
		return this.store.decided(HISTORY)
			.stream()
			.filter((approval) -> tool == null || tool.isEmpty() || tool.equals(approval.request().toolName()))
			.filter((approval) -> outcome == null || outcome.isEmpty() || outcome.equals(outcome(approval)))
			.map(ApprovalConsoleController::decidedView)
			.toList();
	}

	/**
	 * A stream of {@code changed} events, sent when a request arrives or is decided.
	 * @param request the request
	 * @return the event stream
	 */
	@GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public SseEmitter events(HttpServletRequest request) {
		this.access.approver(request);
		return this.changes.subscribe();
	}

	/**
	 * Decide a pending request as the signed-in approver.
	 * @param request the request
	 * @param id the approval request id
	 * @param body {@code decision} ({@code approve} or {@code reject}), optional
	 * {@code comment} and {@code scope} ({@code once}, {@code conversation}, an instant or
	 * a duration)
	 * @return whether this decision stands, and the request's state
	 */
	@PostMapping("/api/{id}/decision")
	@ResponseBody
	public Map<String, Object> decide(HttpServletRequest request, @PathVariable String id,
			@RequestBody Map<String, String> body) {
		String approver = this.access.decider(request);
		String decision = body.getOrDefault("decision", "");
		String comment = body.get("comment");
		ApprovalDecision decided = switch (decision) {
			case "approve" -> ApprovalDecision.approve(approver, comment).withScope(scope(body.get("scope")));
			case "reject" -> ApprovalDecision.reject(approver, comment);
			default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"decision must be 'approve' or 'reject', not '" + decision + "'");
		};
		boolean updated = this.pending.decide(id, decided);
		StoredApproval stored = this.store.get(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No approval request " + id));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("id", id);
		result.put("updated", updated);
		result.put("state", stored.state().name().toLowerCase(Locale.ROOT));
		result.put("approver", (stored.decision() != null) ? stored.decision().approver() : null);
		return result;
	}

	private static ApprovalScope scope(String scope) {
		try {
			return ApprovalScope.parse(scope, Instant.now());
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	private static ResponseEntity.BodyBuilder asset(MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	private static String readPage() {
		try {
			return new ClassPathResource(ASSETS + "index.html").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The approvals console page is missing from the jar", ex);
		}
	}

	private Map<String, Object> pendingView(StoredApproval approval) {
		Map<String, Object> view = requestView(approval);
		view.put("askedAt", approval.askedAt().toString());
		view.put("timesOutAt", approval.askedAt().plus(this.timeout).toString());
		view.put("steps", recentSteps(approval.request().trajectoryId()));
		return view;
	}

	private static Map<String, Object> decidedView(StoredApproval approval) {
		Map<String, Object> view = requestView(approval);
		ApprovalDecision decision = approval.decision();
		view.put("outcome", outcome(approval));
		view.put("approver", decision.approver());
		view.put("comment", decision.comment());
		view.put("scope", decision.scope().toString());
		view.put("decidedAt", String.valueOf(approval.decidedAt()));
		return view;
	}

	private static Map<String, Object> requestView(StoredApproval approval) {
		ApprovalRequest request = approval.request();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", approval.id());
		view.put("agent", request.agentId());
		view.put("tool", request.toolName());
		view.put("stage", (request.stage() != null) ? request.stage().wireName() : null);
		view.put("arguments", request.arguments());
		view.put("text", request.text());
		view.put("reason", request.reason());
		view.put("policies", request.policies().stream().map(ApprovalConsoleController::policyView).toList());
		view.put("trajectoryId", request.trajectoryId());
		view.put("conversation", request.sessionId());
		view.put("createdAt", approval.createdAt().toString());
		return view;
	}

	private static Map<String, Object> policyView(PolicyMetadata policy) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", policy.id());
		view.put("description", policy.description());
		view.put("escalateTo", policy.escalateArg());
		return view;
	}

	private static String outcome(StoredApproval approval) {
		return switch (approval.state()) {
			case APPROVED -> "approved";
			case REJECTED -> "rejected";
			case PENDING -> "pending";
		};
	}

	private List<Map<String, Object>> recentSteps(String trajectoryId) {
		if (this.trajectories == null || trajectoryId == null) {
			return List.of();
		}
		try {
			List<TrajectoryStep> steps = this.trajectories.load(trajectoryId)
				.map((stored) -> stored.steps())
				.orElse(List.of());
			return steps.subList(Math.max(0, steps.size() - RECENT_STEPS), steps.size())
				.stream()
				.map(ApprovalConsoleController::stepView)
				.toList();
		}
		catch (RuntimeException ex) {
			return List.of(Map.of("error", "The conversation's steps could not be read: " + ex.getMessage()));
		}
	}

	private static Map<String, Object> stepView(TrajectoryStep step) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("stage", step.stage().wireName());
		view.put("role", step.role().name().toLowerCase(Locale.ROOT));
		view.put("content", ContentText.describe(step.content()));
		view.put("decision", step.adjudication().decision().wireName());
		view.put("reason", step.adjudication().reason());
		return view;
	}

}
