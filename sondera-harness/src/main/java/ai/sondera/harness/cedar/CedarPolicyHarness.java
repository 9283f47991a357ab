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

package ai.sondera.harness.cedar;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.AdjudicationListener;
import ai.sondera.harness.Agent;
import ai.sondera.harness.Caller;
import ai.sondera.harness.Decision;
import ai.sondera.harness.Harness;
import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.PromptContent;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;
import ai.sondera.harness.Trajectory;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.cedar.analysis.AnalysisCache;
import ai.sondera.harness.cedar.analysis.LoadedPolicy;
import ai.sondera.harness.cedar.analysis.PolicyReader;
import ai.sondera.harness.policy.LoadedPolicyInfo;
import ai.sondera.harness.policy.PolicyDescriptor;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.policy.PolicySourceInfo;
import ai.sondera.harness.store.FileTrajectoryStore;
import ai.sondera.harness.store.TrajectoryHead;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * A {@link Harness} that evaluates Cedar policies in-process with cedar-java, with the
 * semantics of the Sondera SDK's {@code CedarPolicyHarness} and its holes closed: an
 * erroring policy never lets a request through, JSON numbers are never truncated, a
 * policy that can never match (an unknown action, a misspelled attribute) and a
 * duplicate {@code @id} fail at load, an unknown tool or unexpected argument is denied
 * with a reason.
 *
 * <p>
 * The Cedar schema is generated per agent from its tools. Policies are compiled per agent
 * when the harness is built (for the agents given to the builder) or on the first
 * {@link #initialize} of another agent; a policy problem throws
 * {@link PolicyLoadException} naming the policy id, file and line.
 *
 * <pre class="code">
 * CedarPolicyHarness harness = CedarPolicyHarness.builder()
 *     .policies(PolicySource.fromPath(Path.of("policies")))
 *     .agent(agent)
 *     .build();
 * </pre>
 *
 * @author Sondera
 */
public final class CedarPolicyHarness implements Harness, PolicyAdministration {

	/** The annotation that puts a policy in shadow mode. */
	public static final String SHADOW = "shadow";

	private static final Logger logger = LoggerFactory.getLogger(CedarPolicyHarness.class);

	private final TrajectoryStore store;

	private final EvaluationErrorMode errorMode;

	private final boolean failOpen;

	private final AdjudicationListener listener;

	private final AuditLog auditLog;

	private final Set<String> shadowPolicies;

	private final BasicAuthorizationEngine engine = new BasicAuthorizationEngine();

	private final AnalysisCache analysisCache = new AnalysisCache();

	private final NativePolicySets policySets = new NativePolicySets();

	private volatile PolicyGeneration generation;

	private CedarPolicyHarness(Builder builder) {
		this.store = builder.store;
		this.errorMode = builder.errorMode;
		this.failOpen = builder.failOpen;
		this.listener = builder.listener;
		this.auditLog = builder.auditLog;
		this.shadowPolicies = Set.copyOf(builder.shadowPolicies);
		this.generation = generation(1, builder.sources, List.of());
		this.generation.sources().forEach((source) -> logger.info("Loaded {} Cedar policies from {} ({}, sha256 {})",
				source.policies(), source.origin(), source.location(), source.sha256()));
		builder.agents.forEach(this::policiesFor);
	}

	private PolicyGeneration generation(long version, List<PolicySource> sources, List<LoadedPolicy> earlier) {
		List<LoadedPolicy> policies = PolicyReader.read(sources, earlier);
		Set<String> shadow = shadowIds(policies);
		return new PolicyGeneration(version, sources, policies,
				(agent) -> AgentPolicies.compile(agent, policies, this.engine, this.errorMode, this.failOpen,
						this.analysisCache, this.policySets, shadow));
	}

	/**
	 * The shadow policies: annotated {@code @shadow}, or named in the builder's set (each
	 * of which must be loaded: a typo would silently make a policy live).
	 */
	private Set<String> shadowIds(List<LoadedPolicy> policies) {
		Set<String> shadow = new TreeSet<>();
		Set<String> loaded = new HashSet<>();
		for (LoadedPolicy policy : policies) {
			loaded.add(policy.id());
			if (policy.metadata().custom().containsKey(SHADOW) || this.shadowPolicies.contains(policy.id())) {
				shadow.add(policy.id());
			}
		}
		Set<String> unknown = new TreeSet<>(this.shadowPolicies);
		unknown.removeAll(loaded);
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("Shadow policies " + unknown + " are not among the loaded policies "
					+ new TreeSet<>(loaded) + " (sondera.cedar.shadow-policies)");
		}
		if (!shadow.isEmpty()) {
			logger.info("Shadow policies (evaluated, never deciding): {}", shadow);
		}
		return Set.copyOf(shadow);
	}

	@Override
	public synchronized long reload(List<PolicySource> sources) {
		PolicyGeneration current = this.generation;
		PolicyGeneration next = generation(current.version() + 1, sources, current.policies());
		for (Agent agent : current.agents()) {
			next.policiesFor(agent);
		}
		logChanges(current, next);
		this.generation = next;
		return next.version();
	}

	private static void logChanges(PolicyGeneration previous, PolicyGeneration next) {
		Map<String, PolicySourceInfo> before = new LinkedHashMap<>();
		previous.sources().forEach((source) -> before.put(source.origin(), source));
		for (PolicySourceInfo source : next.sources()) {
			PolicySourceInfo old = before.remove(source.origin());
			if (old == null) {
				logger.info("New policy source: loaded {} Cedar policies from {} ({}, sha256 {})", source.policies(),
						source.origin(), source.location(), source.sha256());
			}
			else if (!old.sha256().equals(source.sha256())) {
				logger.info("Policy source changed: {} now holds {} Cedar policies ({}, sha256 {})", source.origin(),
						source.policies(), source.location(), source.sha256());
			}
		}
		before.values().forEach((removed) -> logger.warn("Policy source removed: {} ({}) held policies {}; they no"
				+ " longer apply", removed.origin(), removed.location(), previous.policies()
					.stream()
					.filter((policy) -> policy.origin().equals(removed.origin()))
					.map(LoadedPolicy::id)
					.toList()));
	}

	@Override
	public List<PolicySourceInfo> policySources() {
		return this.generation.sources();
	}

	@Override
	public String policySetDigest() {
		return this.generation.digest();
	}

	@Override
	public long policyVersion() {
		return this.generation.version();
	}

	@Override
	public Instant policiesLoadedAt() {
		return this.generation.loadedAt();
	}

	@Override
	public List<LoadedPolicyInfo> loadedPolicies() {
		return this.generation.policies()
			.stream()
			.map((policy) -> new LoadedPolicyInfo(policy.metadata(), policy.forbid() ? "forbid" : "permit",
					policy.origin(), policy.line(), policy.sha256()))
			.toList();
	}

	PolicyGeneration currentGeneration() {
		return this.generation;
	}

	/**
	 * Start building a harness.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * If the store cannot record the new trajectory, it is still returned, but every
	 * {@link Trajectory#adjudicate adjudication} on it throws (naming the storage
	 * failure), so that callers treat it like an engine failure: denied unless they fail
	 * open. Policy problems still throw here.
	 */
	@Override
	public Trajectory initialize(Agent agent, String sessionId) {
		return initialize(agent, sessionId, null);
	}

	@Override
	public Trajectory initialize(Agent agent, String sessionId, Caller caller) {
		Objects.requireNonNull(agent, "'agent' must not be null");
		AgentPolicies agentPolicies = policiesFor(agent);
		TrajectoryRecord record = new TrajectoryRecord("traj-" + UUID.randomUUID(), agent.id(),
				TrajectoryStatus.RUNNING, sessionId, java.time.Instant.now());
		CedarTrajectory trajectory = new CedarTrajectory(record, agentPolicies, this, this.store, this.listener,
				this.auditLog, 0, caller);
		try {
			this.store.saveAgent(agent);
			this.store.create(record);
		}
		catch (RuntimeException ex) {
			logger.error("Trajectory {} of agent '{}' could not be stored; its steps fail like an engine failure",
					record.id(), agent.id(), ex);
			trajectory.storageFailed(ex);
		}
		return trajectory;
	}

	@Override
	public Trajectory resume(String trajectoryId, Agent agent) {
		Objects.requireNonNull(agent, "'agent' must not be null");
		TrajectoryHead stored = load(trajectoryId);
		if (!stored.record().agentId().equals(agent.id())) {
			throw new IllegalArgumentException("Trajectory " + trajectoryId + " belongs to agent '"
					+ stored.record().agentId() + "', not '" + agent.id() + "'");
		}
		return resumed(stored, policiesFor(agent));
	}

	/**
	 * A resumed trajectory accepts adjudications whatever its stored status, as in the
	 * Sondera SDK; the stored status changes only when it ends again. Resuming one that
	 * had ended is logged and recorded as a step, so that it shows in the trajectory.
	 */
	private CedarTrajectory resumed(TrajectoryHead stored, AgentPolicies agentPolicies) {
		TrajectoryStatus status = stored.record().status();
		CedarTrajectory trajectory = new CedarTrajectory(stored.record().withStatus(TrajectoryStatus.RUNNING),
				agentPolicies, this, this.store, this.listener, this.auditLog, stored.stepCount(), null);
		if (status != TrajectoryStatus.RUNNING) {
			String reason = "Resumed after the trajectory had ended as " + status.wireName();
			logger.info("Trajectory {}: {}", trajectory.id(), reason);
			trajectory.record(Stage.PRE_RUN, Role.SYSTEM, new PromptContent(reason),
					new Adjudication(Decision.ALLOW, reason, List.of()));
		}
		return trajectory;
	}

	private TrajectoryHead load(String trajectoryId) {
		return this.store.loadHead(trajectoryId)
			.orElseThrow(() -> new IllegalArgumentException("Trajectory " + trajectoryId + " not found in storage"));
	}

	@Override
	public Trajectory resume(String trajectoryId) {
		TrajectoryHead stored = load(trajectoryId);
		String agentId = stored.record().agentId();
		AgentPolicies found = this.generation.findByAgentId(agentId);
		if (found == null) {
			Agent agent = this.store.loadAgent(agentId)
				.orElseThrow(() -> new IllegalStateException("Trajectory " + trajectoryId + " belongs to agent '"
						+ agentId + "', which neither this harness nor its store knows: initialize a trajectory of"
						+ " that agent first, pass it to the builder's agent(...), or call resume(id, agent)"));
			found = policiesFor(agent);
		}
		return resumed(stored, found);
	}

	@Override
	public void validate(Agent agent) {
		policiesFor(agent);
	}

	@Override
	public List<PolicyDescriptor> policies(Agent agent) {
		return policiesFor(agent).descriptors();
	}

	@Override
	public ObjectNode schema(Agent agent) {
		return policiesFor(agent).schema().publicSchemaJson();
	}

	private AgentPolicies policiesFor(Agent agent) {
		return this.generation.policiesFor(agent);
	}

	/**
	 * Builds a {@link CedarPolicyHarness}.
	 */
	public static final class Builder {

		private final List<PolicySource> sources = new ArrayList<>();

		private final List<Agent> agents = new ArrayList<>();

		private TrajectoryStore store;

		private EvaluationErrorMode errorMode = EvaluationErrorMode.FAIL_CLOSED;

		private boolean failOpen;

		private AdjudicationListener listener = AdjudicationListener.NONE;

		private AuditLog auditLog = AuditLog.NONE;

		private final Set<String> shadowPolicies = new HashSet<>();

		private Builder() {
		}

		/**
		 * Run policies in shadow mode, as if they were annotated {@code @shadow}: they
		 * are evaluated on live traffic and what they would have decided is recorded
		 * ({@link Adjudication#shadow()}), but decisions are taken as if they were absent.
		 * @param ids the policy ids
		 * @return this builder
		 */
		public Builder shadowPolicies(Collection<String> ids) {
			this.shadowPolicies.addAll(ids);
			return this;
		}

		/**
		 * Add policies given as text.
		 * @param cedar the Cedar policies
		 * @return this builder
		 */
		public Builder policies(String cedar) {
			return policies(List.of(PolicySource.of("<inline policies>", cedar)));
		}

		/**
		 * Add policy sources.
		 * @param sources the sources
		 * @return this builder
		 */
		public Builder policies(List<PolicySource> sources) {
			this.sources.addAll(sources);
			return this;
		}

		/**
		 * Add the policies of a {@code .cedar} file or of every {@code .cedar} file
		 * below a directory.
		 * @param path the file or directory
		 * @return this builder
		 */
		public Builder policies(Path path) {
			return policies(PolicySource.fromPath(path));
		}

		/**
		 * Compile the policies for this agent when the harness is built, so that a
		 * policy problem fails at start-up rather than at the first conversation.
		 * @param agent the agent
		 * @return this builder
		 */
		public Builder agent(Agent agent) {
			this.agents.add(Objects.requireNonNull(agent, "'agent' must not be null"));
			return this;
		}

		/**
		 * Set where trajectories are recorded; by default a {@link FileTrajectoryStore}
		 * under {@code .sondera/trajectories}.
		 * @param store the store
		 * @return this builder
		 */
		public Builder store(TrajectoryStore store) {
			this.store = Objects.requireNonNull(store, "'store' must not be null");
			return this;
		}

		/**
		 * Set what an evaluation error of a policy means; by default
		 * {@link EvaluationErrorMode#FAIL_CLOSED}.
		 * @param errorMode the mode
		 * @return this builder
		 */
		public Builder evaluationErrorMode(EvaluationErrorMode errorMode) {
			this.errorMode = Objects.requireNonNull(errorMode, "'errorMode' must not be null");
			return this;
		}

		/**
		 * Set whether a failure of the Cedar engine itself (not of a policy) allows the
		 * request instead of denying it; by default it denies.
		 * @param failOpen whether to allow on engine failure
		 * @return this builder
		 */
		public Builder failOpen(boolean failOpen) {
			this.failOpen = failOpen;
			return this;
		}

		/**
		 * Set who is told about each adjudication (metrics, tracing); by default nobody.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(AdjudicationListener listener) {
			this.listener = Objects.requireNonNull(listener, "'listener' must not be null");
			return this;
		}

		/**
		 * Set where every decision is recorded before it takes effect, such as a
		 * {@link ai.sondera.harness.audit.FileAuditLog}; by default nowhere.
		 * @param auditLog the audit log
		 * @return this builder
		 */
		public Builder auditLog(AuditLog auditLog) {
			this.auditLog = Objects.requireNonNull(auditLog, "'auditLog' must not be null");
			return this;
		}

		/**
		 * Load and check the policies, compile them for the given agents, and build the
		 * harness.
		 * @return the harness
		 * @throws PolicyLoadException if a policy is invalid or can never match
		 */
		public CedarPolicyHarness build() {
			if (this.store == null) {
				this.store = new FileTrajectoryStore();
			}
			return new CedarPolicyHarness(this);
		}

	}

}
