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
import ai.sondera.spring.ai.SonderaContextKeys;
import ai.sondera.spring.ai.VerdictResolver;
import ai.sondera.spring.ai.verdict.Checkpoint;
import ai.sondera.spring.ai.verdict.Enforcement;
import ai.sondera.spring.ai.verdict.EnforcementResolver;
import ai.sondera.spring.ai.verdict.FailurePolicy;
import ai.sondera.spring.ai.verdict.VerdictAction;
import ai.sondera.spring.ai.verdict.VerdictHandler;

/**
 * The checkpoint around one tool call: PRE_TOOL before the tool runs, POST_TOOL on its
 * result. Adjudicates, resolves escalations, and carries out what the
 * {@link VerdictHandler} decides a verdict does.
 *
 * @author Sondera
 */
public class ToolCallGuard {

	// Marks the synchronous run of a tool this guard let through; see isGuardedCallInProgress.
	private static final ThreadLocal<Boolean> IN_GUARDED_CALL = new ThreadLocal<>();

	private final VerdictResolver verdicts;

	private final VerdictHandler handler;

	private final AgentToolCatalog catalog;

	private final EnforcementResolver enforcement;

	private final FailurePolicy failures;

	/**
	 * Create a guard.
	 * @param verdicts resolves escalations
	 * @param handler decides what a verdict does
	 * @param catalog the agent's tools, for tools rejected at request time
	 * @param enforcement the enforcement of each tool
	 * @param failures what a failed check means
	 */
	public ToolCallGuard(VerdictResolver verdicts, VerdictHandler handler, AgentToolCatalog catalog,
			EnforcementResolver enforcement, FailurePolicy failures) {
		this.verdicts = Objects.requireNonNull(verdicts, "'verdicts' must not be null");
		this.handler = Objects.requireNonNull(handler, "'handler' must not be null");
		this.catalog = Objects.requireNonNull(catalog, "'catalog' must not be null");
		this.enforcement = Objects.requireNonNull(enforcement, "'enforcement' must not be null");
		this.failures = Objects.requireNonNull(failures, "'failures' must not be null");
	}

	/**
	 * Call a tool for a model under policy.
	 * @param tool the real tool
	 * @param input the arguments as the model sent them (JSON)
	 * @param toolContext the tool context, or {@code null}; the tool receives it without
	 * Sondera's entries
	 * @param trajectory the trajectory the call belongs to
	 * @return the tool result, or the message that replaces a denied call or result
	 * @throws RuntimeException what the verdict handler rejects with (by default
	 * {@link PolicyViolationException} in block mode)
	 */
	public String call(ToolCallback tool, String input, ToolContext toolContext, Trajectory trajectory) {
		return guard(tool.getToolDefinition().name(), () -> ModelJson.readArguments(input), trajectory,
				() -> tool.call(input, SonderaContextKeys.strip(toolContext)), ModelJson::readResult,
				VerdictAction::replacement);
	}

	/**
	 * Run a tool for a caller that waits for its outcome (a model, an MCP client) under
	 * policy: PRE_TOOL on the arguments, the tool, POST_TOOL on its result.
	 * @param <T> the result type
	 * @param name the tool name
	 * @param arguments the arguments, read inside the check so that unreadable ones deny
	 * @param trajectory the trajectory the call belongs to
	 * @param tool runs the tool
	 * @param resultView the result as a JSON value, for POST_TOOL
	 * @param denied what the caller receives instead when the call or its result does
	 * not proceed
	 * @return the tool's result, or what {@code denied} made of the verdict action
	 */
	public <T> T guard(String name, Supplier<Map<String, Object>> arguments, Trajectory trajectory,
			Invocation<T> tool, Function<T, Object> resultView, Function<VerdictAction, T> denied) {
		Checked call = checkCall(name, arguments, trajectory);
		if (!(call.action() instanceof VerdictAction.Proceed)) {
			return denied.apply(call.action());
		}
		T result = run(tool);
		VerdictAction after = checkResult(name, () -> resultView.apply(result), call.arguments(), trajectory);
		return (after instanceof VerdictAction.Proceed) ? result : denied.apply(after);
	}

	/**
	 * Call a {@code @Tool} method directly (not through a model) under policy. There is
	 * no model to tell about a denial, so a denial throws (except in monitor mode).
	 * @param name the tool name
	 * @param arguments the arguments by parameter name
	 * @param trajectory the trajectory the call belongs to
	 * @param method runs the method
	 * @return what the method returned
	 * @throws PolicyViolationException if denied
	 */
	public Object invoke(String name, Map<String, Object> arguments, Trajectory trajectory, Invocation<Object> method) {
		Checked call = check(Checkpoint.toolCall(name).direct(), () -> arguments, trajectory);
		throwUnlessProceeding(call.action(), Stage.PRE_TOOL, call.verdict());
		Object result = run(method);
		Checkpoint checkpoint = Checkpoint.toolResult(name).direct();
		Adjudication verdict = adjudicateResult(name, () -> ModelJson.toJsonValue(result), arguments, trajectory);
		throwUnlessProceeding(this.handler.handle(checkpoint, verdict, this.enforcement.forTool(name)), Stage.POST_TOOL,
				verdict);
		return result;
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

	/**
	 * Decide whether a tool call a model asked for may run: adjudicate PRE_TOOL, resolve
	 * an escalation, and ask the verdict handler what the verdict does.
	 * @param name the tool name
	 * @param arguments the arguments, read inside the check so that unreadable ones deny
	 * @param trajectory the trajectory
	 * @return what to do, the verdict and the arguments read
	 */
	public Checked checkCall(String name, Supplier<Map<String, Object>> arguments, Trajectory trajectory) {
		return check(Checkpoint.toolCall(name), arguments, trajectory);
	}

	private Checked check(Checkpoint checkpoint, Supplier<Map<String, Object>> arguments, Trajectory trajectory) {
		String name = checkpoint.tool();
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
			before = this.failures.adjudicate("tool '" + name + "'", ex);
			VerdictResolver.record(trajectory, Stage.PRE_TOOL, request, before);
		}
		Enforcement enforcement = this.enforcement.forTool(name);
		Adjudication verdict = this.verdicts.resolve(Stage.PRE_TOOL, enforcement, before, request, name,
				request.arguments(), trajectory);
		return new Checked(this.handler.handle(checkpoint, verdict, enforcement), verdict, request.arguments());
	}

	/**
	 * Decide whether a tool result may reach the model: adjudicate POST_TOOL, resolve an
	 * escalation, and ask the verdict handler what the verdict does.
	 * @param name the tool name
	 * @param result the result as a JSON value (read inside the check)
	 * @param arguments the arguments of the call, for approval requests
	 * @param trajectory the trajectory
	 * @return what to do with the result
	 */
	public VerdictAction checkResult(String name, Supplier<Object> result, Map<String, Object> arguments,
			Trajectory trajectory) {
		Adjudication verdict = adjudicateResult(name, result, arguments, trajectory);
		return this.handler.handle(Checkpoint.toolResult(name), verdict, this.enforcement.forTool(name));
	}

	private Adjudication adjudicateResult(String name, Supplier<Object> result, Map<String, Object> arguments,
			Trajectory trajectory) {
		ToolResponseContent response;
		Adjudication after;
		try {
			response = new ToolResponseContent(name, result.get());
			after = trajectory.adjudicate(Stage.POST_TOOL, Role.TOOL, response);
		}
		catch (RuntimeException ex) {
			response = new ToolResponseContent(name, null);
			after = this.failures.adjudicate("tool '" + name + "'", ex);
			VerdictResolver.record(trajectory, Stage.POST_TOOL, response, after);
		}
		return this.verdicts.resolve(Stage.POST_TOOL, this.enforcement.forTool(name), after, response, name,
				arguments, trajectory);
	}

	private static void throwUnlessProceeding(VerdictAction action, Stage stage, Adjudication verdict) {
		if (action instanceof VerdictAction.Reject reject) {
			throw reject.exception();
		}
		if (!(action instanceof VerdictAction.Proceed)) {
			// A direct call has no model to give a message to.
			throw new PolicyViolationException(stage, verdict);
		}
	}

	/**
	 * A checked tool call.
	 *
	 * @param action what to do
	 * @param verdict the final verdict
	 * @param arguments the arguments as read
	 */
	public record Checked(VerdictAction action, Adjudication verdict, Map<String, Object> arguments) {
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
