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

package ai.sondera.spring.ai.tool;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Decision;
import ai.sondera.harness.PolicyViolationException;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.ToolRequestContent;
import ai.sondera.harness.ToolResponseContent;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.json.ModelJson;
import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.VerdictResolver;

/**
 * The checkpoint around one tool call: PRE_TOOL before the tool runs, POST_TOOL on its
 * result, and what a DENY or ESCALATE means ({@link EnforcementMode}, approvals).
 *
 * @author Sondera
 */
public class ToolCallGuard {

	/** The default text a steered model receives instead of the tool result. */
	public static final String DEFAULT_STEER_MESSAGE = "Tool call '{tool}' was denied by policy: {reason}. "
			+ "Do not repeat this call; choose a different approach.";

	private static final Log logger = LogFactory.getLog(ToolCallGuard.class);

	// Marks the synchronous run of a tool this guard let through; see isGuardedCallInProgress.
	private static final ThreadLocal<Boolean> IN_GUARDED_CALL = new ThreadLocal<>();

	private final VerdictResolver verdicts;

	private final AgentToolCatalog catalog;

	private final Function<String, EnforcementMode> modes;

	private final boolean failOpen;

	private final String steerMessage;

	/**
	 * Create a guard.
	 * @param verdicts resolves escalations and monitor mode
	 * @param catalog the agent's tools, for tools rejected at request time
	 * @param modes the enforcement mode of each tool by name
	 * @param failOpen whether an error in the harness lets the call run
	 * @param steerMessage the text a steered model receives; {@code {tool}} and
	 * {@code {reason}} are replaced
	 */
	public ToolCallGuard(VerdictResolver verdicts, AgentToolCatalog catalog, Function<String, EnforcementMode> modes,
			boolean failOpen, String steerMessage) {
		this.verdicts = Objects.requireNonNull(verdicts, "'verdicts' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.modes = Objects.requireNonNull(modes, "'modes' must not be null");
		this.failOpen = failOpen;
		this.steerMessage = Objects.requireNonNull(steerMessage, "'steerMessage' must not be null");
	}

	/**
	 * Call a tool under policy.
	 * @param tool the real tool
	 * @param input the arguments as the model sent them (JSON)
	 * @param toolContext the tool context, or {@code null}
	 * @param trajectory the trajectory the call belongs to
	 * @return the tool result, or the steering text if the call or its result was denied
	 * @throws PolicyViolationException if denied in {@link EnforcementMode#BLOCK} mode
	 */
	public String call(ToolCallback tool, String input, ToolContext toolContext, Trajectory trajectory) {
		String name = tool.getToolDefinition().name();
		return guard(name, () -> ModelJson.readArguments(input), trajectory, () -> tool.call(input, toolContext),
				ModelJson::readResult, (denial) -> steer(name, denial));
	}

	/**
	 * Call a {@code @Tool} method directly (not through a model) under policy. A denial
	 * cannot be turned into a message for a model here, so it always throws, except in
	 * {@link EnforcementMode#MONITOR} mode.
	 * @param name the tool name
	 * @param arguments the arguments by parameter name
	 * @param trajectory the trajectory the call belongs to
	 * @param method runs the method
	 * @return what the method returned
	 * @throws PolicyViolationException if denied
	 */
	public Object invoke(String name, Map<String, Object> arguments, Trajectory trajectory, Invocation<Object> method) {
		return guard(name, () -> arguments, trajectory, method, ModelJson::toJsonValue,
				null);
	}

	/**
	 * Return whether the current thread is running a tool this guard let through, so
	 * that a second layer (the {@code @Tool} aspect) does not adjudicate the same call
	 * again. Tools run synchronously inside {@link ToolCallback#call}, so the mark is
	 * scoped to that call on that thread.
	 * @return whether a guarded call is running
	 */
	public static boolean isGuardedCallInProgress() {
		return IN_GUARDED_CALL.get() != null;
	}

	private <T> T guard(String name, Supplier<Map<String, Object>> arguments, Trajectory trajectory,
			Invocation<T> invocation, Function<T, Object> resultView, Function<Adjudication, T> steer) {
		EnforcementMode mode = this.modes.apply(name);
		Checked call = checkCall(name, arguments, trajectory);
		if (!call.verdict().isAllowed()) {
			return deny(Stage.PRE_TOOL, mode, call.verdict(), steer);
		}
		T result = run(invocation);
		Adjudication verdict = checkResult(name, () -> resultView.apply(result), call.arguments(), trajectory);
		return verdict.isAllowed() ? result : deny(Stage.POST_TOOL, mode, verdict, steer);
	}

	/**
	 * Decide whether a tool call may run: adjudicate PRE_TOOL, ask for approval on
	 * ESCALATE, let everything through in monitor mode. Does not enforce the denial.
	 * @param name the tool name
	 * @param arguments the arguments, read inside the check so that unreadable ones deny
	 * @param trajectory the trajectory
	 * @return the final verdict (ALLOW or DENY) and the arguments read
	 */
	public Checked checkCall(String name, Supplier<Map<String, Object>> arguments, Trajectory trajectory) {
		EnforcementMode mode = this.modes.apply(name);
		ToolRequestContent request;
		Adjudication before;
		try {
			request = new ToolRequestContent(name, arguments.get());
			String rejection = this.catalog.rejection(name);
			if (rejection != null) {
				before = new Adjudication(Decision.DENY, "Tool '" + name + "' is not under policy: " + rejection,
						List.of());
				trajectory.record(Stage.PRE_TOOL, Role.MODEL, request, before);
			}
			else {
				before = trajectory.adjudicate(Stage.PRE_TOOL, Role.MODEL, request);
			}
		}
		catch (RuntimeException ex) {
			request = new ToolRequestContent(name, Map.of());
			before = failure(name, ex);
			VerdictResolver.record(trajectory, Stage.PRE_TOOL, request, before);
			if (before.isAllowed()) {
				return new Checked(before, request.arguments());
			}
		}
		return new Checked(this.verdicts.resolve(Stage.PRE_TOOL, mode, before, request, name, request.arguments(), trajectory),
				request.arguments());
	}

	/**
	 * Decide whether a tool result may reach the model: adjudicate POST_TOOL, with
	 * approval and monitor mode as for calls. Does not enforce the denial.
	 * @param name the tool name
	 * @param result the result as a JSON value (read inside the check)
	 * @param arguments the arguments of the call, for approval requests
	 * @param trajectory the trajectory
	 * @return the final verdict, ALLOW or DENY
	 */
	public Adjudication checkResult(String name, Supplier<Object> result, Map<String, Object> arguments,
			Trajectory trajectory) {
		ToolResponseContent response;
		Adjudication after;
		try {
			response = new ToolResponseContent(name, result.get());
			after = trajectory.adjudicate(Stage.POST_TOOL, Role.TOOL, response);
		}
		catch (RuntimeException ex) {
			response = new ToolResponseContent(name, null);
			after = failure(name, ex);
			VerdictResolver.record(trajectory, Stage.POST_TOOL, response, after);
			if (after.isAllowed()) {
				return after;
			}
		}
		return this.verdicts.resolve(Stage.POST_TOOL, this.modes.apply(name), after, response, name, arguments,
				trajectory);
	}

	/**
	 * Enforce a denial: throw in {@link EnforcementMode#BLOCK} mode, otherwise return the
	 * text a steered model receives.
	 * @param stage where the denial happened
	 * @param name the tool name
	 * @param verdict the denial
	 * @return the steering text
	 * @throws PolicyViolationException in block mode
	 */
	public String steerOrThrow(Stage stage, String name, Adjudication verdict) {
		return deny(stage, this.modes.apply(name), verdict, (denial) -> steer(name, denial));
	}

	private Adjudication failure(String name, RuntimeException ex) {
		if (this.failOpen) {
			logger.warn("Policy check of tool '" + name + "' failed; going on because fail-open is set", ex);
			return new Adjudication(Decision.ALLOW, "Policy check failed, allowed because fail-open is set: "
					+ ex.getMessage(), List.of());
		}
		logger.warn("Policy check of tool '" + name + "' failed; denying: " + ex.getMessage());
		logger.debug("Policy check failure of tool '" + name + "'", ex);
		return new Adjudication(Decision.DENY, "Policy check failed, denied to fail closed: " + ex.getMessage(),
				List.of());
	}

	/**
	 * A checked tool call.
	 *
	 * @param verdict the final verdict, ALLOW or DENY
	 * @param arguments the arguments as read
	 */
	public record Checked(Adjudication verdict, Map<String, Object> arguments) {
	}

	private static <T> T run(Invocation<T> invocation) {
		boolean outer = IN_GUARDED_CALL.get() == null;
		if (outer) {
			IN_GUARDED_CALL.set(Boolean.TRUE);
		}
		try {
			return invocation.proceed();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException("Tool failed: " + ex.getMessage(), ex);
		}
		finally {
			if (outer) {
				IN_GUARDED_CALL.remove();
			}
		}
	}

	private static <T> T deny(Stage stage, EnforcementMode mode, Adjudication adjudication,
			Function<Adjudication, T> steer) {
		if (mode == EnforcementMode.BLOCK || steer == null) {
			throw new PolicyViolationException(stage, adjudication);
		}
		return steer.apply(adjudication);
	}

	private String steer(String name, Adjudication adjudication) {
		return this.steerMessage.replace("{tool}", name).replace("{reason}", adjudication.reason());
	}

	/**
	 * Runs the guarded tool.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface Invocation<T> {

		/**
		 * Run the tool.
		 * @return its result
		 * @throws Throwable whatever the tool throws
		 */
		T proceed() throws Throwable;

	}

}
