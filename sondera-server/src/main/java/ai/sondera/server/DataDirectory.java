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
package ai.sondera.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.sondera.harness.Agent;
import ai.sondera.harness.audit.AuditDurability;
import ai.sondera.harness.audit.FileAuditLog;
import ai.sondera.harness.cedar.CedarPolicyHarness;
import ai.sondera.harness.policy.PolicySource;
import ai.sondera.harness.store.FileTrajectoryStore;

/**
 * Where a server or tool runtime keeps its state: trajectories under
 * {@code trajectories/} and the hash-chained audit log, flushed before every action,
 * under {@code audit/}.
 *
 * @author Sondera
 */
public final class DataDirectory implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DataDirectory.class);

	private final FileTrajectoryStore store;

	private final FileAuditLog auditLog;

	/**
	 * Open a data directory.
	 * @param path the directory
	 */
	public DataDirectory(Path path) {
		this.store = new FileTrajectoryStore(path.resolve("trajectories"));
		this.auditLog = new FileAuditLog(path.resolve("audit"), AuditDurability.FLUSH);
	}

	/**
	 * Return the trajectory store.
	 * @return the store
	 */
	public FileTrajectoryStore store() {
		return this.store;
	}

	/**
	 * Build a harness that stores here and audits here; if the policies do not load, the
	 * directory is closed before the error is thrown.
	 * @param sources the policies
	 * @param agents the agents to compile the policies for now
	 * @return the harness
	 */
	public CedarPolicyHarness harness(List<PolicySource> sources, Agent... agents) {
		CedarPolicyHarness.Builder builder = CedarPolicyHarness.builder()
			.policies(sources)
			.store(this.store)
			.auditLog(this.auditLog);
		for (Agent agent : agents) {
			builder.agent(agent);
		}
		try {
			return builder.build();
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Close the audit log; a failure is logged, not thrown.
	 */
	@Override
	public void close() {
		try {
			this.auditLog.close();
		}
		catch (IOException ex) {
			logger.warn("Could not close the audit log: {}", ex.getMessage());
		}
	}

}
