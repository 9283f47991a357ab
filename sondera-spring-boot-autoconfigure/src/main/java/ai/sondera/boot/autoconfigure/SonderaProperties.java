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

package ai.sondera.boot.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ai.sondera.harness.audit.AuditDurability;
import ai.sondera.harness.cedar.EvaluationErrorMode;
import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.advisor.SonderaModelTurnAdvisor.StreamMode;
import ai.sondera.spring.ai.approval.ApprovalService;
import ai.sondera.spring.ai.verdict.DefaultVerdictHandler;

/**
 * Configuration properties of the Sondera policy harness ({@code sondera.*}).
 *
 * @author Sondera
 */
@ConfigurationProperties("sondera")
public class SonderaProperties {

	/**
	 * Whether to put model turns and tool calls under policy.
	 */
	private boolean enabled = true;

	/**
	 * What a denial does: 'steer' tells the model why so it can try another way, 'block'
	 * throws PolicyViolationException, 'monitor' only records the decision.
	 */
	private EnforcementMode mode = EnforcementMode.STEER;

	/**
	 * Whether decisions are enforced, or only recorded, observed and logged ('monitor':
	 * nothing is blocked, steered or escalated) to try a policy set on live traffic.
	 */
	private Enforcement enforcement = Enforcement.ENFORCE;

	/**
	 * Whether an error inside the harness (unreadable tool arguments, an engine or
	 * storage failure) lets the action run instead of denying it.
	 */
	private boolean failOpen;

	private final Agent agent = new Agent();

	private final Cedar cedar = new Cedar();

	/**
	 * Per-tool settings, by tool name.
	 */
	private final Map<String, ToolSettings> tools = new LinkedHashMap<>();

	private final Approval approval = new Approval();

	private final Steer steer = new Steer();

	private final Stream stream = new Stream();

	private final Trajectories trajectories = new Trajectories();

	private final Remote remote = new Remote();

	private final Audit audit = new Audit();

	public Audit getAudit() {
		return this.audit;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public EnforcementMode getMode() {
		return this.mode;
	}

	public void setMode(EnforcementMode mode) {
		this.mode = mode;
	}

	public Enforcement getEnforcement() {
		return this.enforcement;
	}

	public void setEnforcement(Enforcement enforcement) {
		this.enforcement = enforcement;
	}

	public boolean isFailOpen() {
		return this.failOpen;
	}

	public void setFailOpen(boolean failOpen) {
		this.failOpen = failOpen;
	}

	public Agent getAgent() {
		return this.agent;
	}

	public Cedar getCedar() {
		return this.cedar;
	}

	public Map<String, ToolSettings> getTools() {
		return this.tools;
	}

	public Approval getApproval() {
		return this.approval;
	}

	public Steer getSteer() {
		return this.steer;
	}

	public Stream getStream() {
		return this.stream;
	}

	public Trajectories getTrajectories() {
		return this.trajectories;
	}

	public Remote getRemote() {
		return this.remote;
	}

	/**
	 * The agent whose actions are adjudicated.
	 */
	public static class Agent {

		/**
		 * Stable id of the agent, used in trajectory paths and as the Cedar principal id.
		 * Defaults to 'spring.application.name', then 'agent'.
		 */
		private String id;

		/**
		 * Name of the agent; gives the Cedar namespace (spaces and hyphens become '_').
		 * Defaults to the id, with every other character that Cedar does not allow
		 * replaced by '_'.
		 */
		private String name;

		/**
		 * What the agent does.
		 */
		private String description = "";

		/**
		 * The agent's system instruction, recorded with the agent.
		 */
		private String instruction = "";

		/**
		 * Who runs the agent.
		 */
		private String providerId = "spring-ai";

		/**
		 * Names of tools that only appear at request time but that policies name, so that
		 * those policies validate at startup. Their arguments are visible to policies only
		 * as 'context.parameters_json'.
		 */
		private List<String> tools = new ArrayList<>();

		public String getId() {
			return this.id;
		}

		public void setId(String id) {
			this.id = id;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getInstruction() {
			return this.instruction;
		}

		public void setInstruction(String instruction) {
			this.instruction = instruction;
		}

		public String getProviderId() {
			return this.providerId;
		}

		public void setProviderId(String providerId) {
			this.providerId = providerId;
		}

		public List<String> getTools() {
			return this.tools;
		}

		public void setTools(List<String> tools) {
			this.tools = tools;
		}

	}

	/**
	 * The Cedar policies.
	 */
	public static class Cedar {

		/**
		 * Where the .cedar files are: directories (searched recursively), files or
		 * patterns, as Spring resource locations.
		 */
		private List<String> policies = new ArrayList<>(List.of("classpath:policies/"));

		/**
		 * What an evaluation error of a policy means: 'fail-closed' (an erroring forbid
		 * denies, an erroring permit does not permit) or 'ignore' (skip it, as Cedar and
		 * the Python SDK do).
		 */
		private EvaluationErrorMode onError = EvaluationErrorMode.FAIL_CLOSED;

		/**
		 * What a policy that cannot match the application's tools at startup does:
		 * 'fail' stops the application, 'warn' logs it and denies the calls it would
		 * govern until the tools it names appear.
		 */
		private StartupValidation startupValidation = StartupValidation.FAIL;

		/**
		 * Ids of policies to run in shadow mode, as if annotated @shadow: evaluated on
		 * live traffic, what they would have decided recorded (trajectory, audit log,
		 * observation, actuator), but decisions taken as if they were absent.
		 */
		private List<String> shadowPolicies = new ArrayList<>();

		private final Reload reload = new Reload();

		public List<String> getShadowPolicies() {
			return this.shadowPolicies;
		}

		public void setShadowPolicies(List<String> shadowPolicies) {
			this.shadowPolicies = shadowPolicies;
		}

		public Reload getReload() {
			return this.reload;
		}

		public List<String> getPolicies() {
			return this.policies;
		}

		public void setPolicies(List<String> policies) {
			this.policies = policies;
		}

		public EvaluationErrorMode getOnError() {
			return this.onError;
		}

		public void setOnError(EvaluationErrorMode onError) {
			this.onError = onError;
		}

		public StartupValidation getStartupValidation() {
			return this.startupValidation;
		}

		public void setStartupValidation(StartupValidation startupValidation) {
			this.startupValidation = startupValidation;
		}

	}

	/**
	 * Reloading of changed policy files.
	 */
	public static class Reload {

		/**
		 * Whether changed policy files are picked up without a restart (validated first;
		 * an invalid change keeps the last good set serving).
		 */
		private boolean enabled = true;

		/**
		 * How often the policy files are checked for changes.
		 */
		private Duration interval = Duration.ofSeconds(2);

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

	}

	/**
	 * What startup validation of policies against the application's tools does.
	 */
	public enum StartupValidation {

		/** Stop the application. */
		FAIL,

		/** Log the problem and go on. */
		WARN

	}

	/**
	 * Whether decisions are enforced.
	 */
	public enum Enforcement {

		/** Deny, steer and escalate as the policies decide. */
		ENFORCE,

		/** Only record, observe and log what would have happened. */
		MONITOR

	}

	/**
	 * Settings of one tool.
	 */
	public static class ToolSettings {

		/**
		 * What a denial of this tool does; overrides 'sondera.mode' and @ToolPolicy.
		 */
		private EnforcementMode mode;

		/**
		 * Whether this tool's decisions are enforced or only monitored; overrides
		 * 'sondera.enforcement'.
		 */
		private Enforcement enforcement;

		public Enforcement getEnforcement() {
			return this.enforcement;
		}

		public void setEnforcement(Enforcement enforcement) {
			this.enforcement = enforcement;
		}

		public EnforcementMode getMode() {
			return this.mode;
		}

		public void setMode(EnforcementMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * Approval of escalated actions.
	 */
	public static class Approval {

		/**
		 * How long an escalated action waits for an ApprovalHandler's decision before it
		 * is denied.
		 */
		private Duration timeout = Duration.ofMinutes(5);

		/**
		 * How many ApprovalHandler calls may run at once. Each call runs on a thread of
		 * its own so that the timeout bounds it whatever the handler does; when this many
		 * are still running (handlers that block), further escalations are denied at
		 * once.
		 */
		private int handlerThreads = ApprovalService.DEFAULT_HANDLER_THREADS;

		private final Pending pending = new Pending();

		private final Console console = new Console();

		public Console getConsole() {
			return this.console;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getHandlerThreads() {
			return this.handlerThreads;
		}

		public void setHandlerThreads(int handlerThreads) {
			this.handlerThreads = handlerThreads;
		}

		public Pending getPending() {
			return this.pending;
		}

		/**
		 * The approvals console (needs sondera-approvals-console).
		 */
		public static class Console {

			/**
			 * Whether to serve the approvals console in a servlet web application (it
			 * also registers PendingApprovals).
			 */
			private boolean enabled;

			/**
			 * Where the console is served.
			 */
			private String path = "/sondera/approvals";

			/**
			 * The authority a user needs to see and decide approvals (with Spring
			 * Security).
			 */
			private String authority = "SONDERA_APPROVER";

			/**
			 * Serve the console without Spring Security, to anyone who reaches it
			 * (loopback demos only); without Spring Security and this, the application
			 * does not start.
			 */
			private boolean allowAnonymous;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public String getPath() {
				return this.path;
			}

			public void setPath(String path) {
				this.path = path;
			}

			public String getAuthority() {
				return this.authority;
			}

			public void setAuthority(String authority) {
				this.authority = authority;
			}

			public boolean isAllowAnonymous() {
				return this.allowAnonymous;
			}

			public void setAllowAnonymous(boolean allowAnonymous) {
				this.allowAnonymous = allowAnonymous;
			}

		}

		/**
		 * The built-in registry of pending approvals.
		 */
		public static class Pending {

			/**
			 * Whether to register PendingApprovals as the default ApprovalHandler, so that
			 * escalations wait until the application approves or rejects them by id.
			 */
			private boolean enabled;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	/**
	 * Steering.
	 */
	public static class Steer {

		/**
		 * The tool result a steered model receives when a tool call is denied; '{tool}'
		 * and '{reason}' are replaced.
		 */
		private String toolMessage = DefaultVerdictHandler.DEFAULT_TOOL_MESSAGE;

		/**
		 * The answer that replaces denied model text in steer mode; '{reason}' is
		 * replaced.
		 */
		private String modelMessage = DefaultVerdictHandler.DEFAULT_REFUSAL;

		/**
		 * What the model is told when it is asked again after its answer was denied;
		 * '{reason}' is replaced.
		 */
		private String retryInstruction = DefaultVerdictHandler.DEFAULT_RETRY_INSTRUCTION;

		/**
		 * How often the model is asked again after its answer was denied, before the
		 * refusal is returned.
		 */
		private int maxRetries = 1;

		public String getToolMessage() {
			return this.toolMessage;
		}

		public void setToolMessage(String toolMessage) {
			this.toolMessage = toolMessage;
		}

		public String getModelMessage() {
			return this.modelMessage;
		}

		public void setModelMessage(String modelMessage) {
			this.modelMessage = modelMessage;
		}

		public String getRetryInstruction() {
			return this.retryInstruction;
		}

		public void setRetryInstruction(String retryInstruction) {
			this.retryInstruction = retryInstruction;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

	}

	/**
	 * Streaming.
	 */
	public static class Stream {

		/**
		 * How a streamed answer is released: 'hold' until the whole answer is allowed, or
		 * 'incremental', chunk by chunk once the text up to each chunk is allowed.
		 */
		private StreamMode mode = StreamMode.HOLD;

		/**
		 * In incremental mode, how many new characters are adjudicated at a time.
		 */
		private int chunkSize = 200;

		public StreamMode getMode() {
			return this.mode;
		}

		public void setMode(StreamMode mode) {
			this.mode = mode;
		}

		public int getChunkSize() {
			return this.chunkSize;
		}

		public void setChunkSize(int chunkSize) {
			this.chunkSize = chunkSize;
		}

	}

	/**
	 * Trajectory storage.
	 */
	public static class Trajectories {

		/**
		 * Where trajectories are recorded: 'file' (JSON Lines, Sondera SDK layout),
		 * 'memory', or 'jdbc' (PostgreSQL through the application's DataSource, with the
		 * audit chain, approvals and conversations, shared by every instance; needs
		 * sondera-store-jdbc).
		 */
		private Store store = Store.FILE;

		/**
		 * Root directory of the file store.
		 */
		private Path path = Path.of(".sondera", "trajectories");

		private final Jdbc jdbc = new Jdbc();

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public Path getPath() {
			return this.path;
		}

		public void setPath(Path path) {
			this.path = path;
		}

		/**
		 * A trajectory store.
		 */
		public enum Store {

			/** JSON Lines files. */
			FILE,

			/** In memory, lost on restart. */
			MEMORY,

			/** In PostgreSQL, shared by every instance. */
			JDBC

		}

		/**
		 * The shared store in PostgreSQL (sondera.trajectories.store=jdbc).
		 */
		public static class Jdbc {

			/**
			 * Whether to create and upgrade the tables at startup with Flyway (history
			 * table sondera_schema_history). Turn off to run the migrations in
			 * classpath:db/sondera/migration with the application's own Flyway.
			 */
			private boolean initializeSchema = true;

			/**
			 * How often an instance re-reads the approval requests its calls wait for, in
			 * case a decision's notification (LISTEN/NOTIFY) was missed.
			 */
			private Duration pollInterval = Duration.ofSeconds(2);

			public boolean isInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(boolean initializeSchema) {
				this.initializeSchema = initializeSchema;
			}

			public Duration getPollInterval() {
				return this.pollInterval;
			}

			public void setPollInterval(Duration pollInterval) {
				this.pollInterval = pollInterval;
			}

		}

	}

	/**
	 * The audit log.
	 */
	public static class Audit {

		/**
		 * Whether every decision is appended to a hash-chained audit log before the
		 * action runs.
		 */
		private boolean enabled = true;

		/**
		 * Directory of the audit log (file audit.jsonl). One application instance per
		 * directory.
		 */
		private Path path = Path.of(".sondera", "audit");

		/**
		 * When a record counts as written: 'flush' (survives a process crash), 'fsync'
		 * (survives a machine crash) or 'group-commit' (fsync shared by concurrent
		 * writers).
		 */
		private AuditDurability durability = AuditDurability.FLUSH;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public Path getPath() {
			return this.path;
		}

		public void setPath(Path path) {
			this.path = path;
		}

		public AuditDurability getDurability() {
			return this.durability;
		}

		public void setDurability(AuditDurability durability) {
			this.durability = durability;
		}

	}

	/**
	 * Connection to the Sondera Platform, for the remote harness (not available yet; the
	 * values are read from SONDERA_API_TOKEN and SONDERA_HARNESS_ENDPOINT too).
	 */
	public static class Remote {

		/**
		 * Whether decisions are made by a remote harness (sondera-server or the Sondera
		 * Platform) over the Sondera wire instead of by the local Cedar policies. When not
		 * set, the remote harness is used if an endpoint is set.
		 */
		private Boolean enabled;

		/**
		 * API token of the remote harness. Never logged.
		 */
		private String apiToken;

		/**
		 * Endpoint of the remote harness, host:port.
		 */
		private String endpoint = "harness.sondera.ai:443";

		/**
		 * Whether to use TLS; turn it off only on loopback.
		 */
		private boolean secure = true;

		/**
		 * PEM file of the certificates to trust for the remote harness (a private CA or a
		 * self-signed server) instead of the JVM's default trust store.
		 */
		private Path trustCertificates;

		/**
		 * Deadline of every call to the remote harness.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * Header that carries the token: authorization (with Bearer), or another name that
		 * carries the bare token.
		 */
		private String header = "authorization";

		/**
		 * Whether startup fails when the remote harness cannot be reached or rejects the
		 * token (otherwise every decision is denied until it can).
		 */
		private boolean failFast = true;

		public Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(Boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isSecure() {
			return this.secure;
		}

		public Path getTrustCertificates() {
			return this.trustCertificates;
		}

		public void setTrustCertificates(Path trustCertificates) {
			this.trustCertificates = trustCertificates;
		}

		public void setSecure(boolean secure) {
			this.secure = secure;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

		public String getApiToken() {
			return this.apiToken;
		}

		public void setApiToken(String apiToken) {
			this.apiToken = apiToken;
		}

		public String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(String endpoint) {
			this.endpoint = endpoint;
		}

		@Override
		public String toString() {
			return "Remote[endpoint=" + this.endpoint + ", apiToken=" + ((this.apiToken != null) ? "****" : "none")
					+ "]";
		}

	}

}
