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

package ai.sondera.spring.ai.reload;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

import ai.sondera.harness.PolicyAdministration;
import ai.sondera.harness.policy.PolicySource;

/**
 * Polls the policy files and reloads the harness when they change. A change is validated
 * before it is used; an invalid one is logged once (with policy id, file and line) and
 * the last known good set keeps serving until the files are fixed.
 *
 * @author Sondera
 */
public class PolicyReloader implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(PolicyReloader.class);

	private final PolicyAdministration harness;

	private final Supplier<List<PolicySource>> sources;

	private final Duration interval;

	private final ReloadStatus status = new ReloadStatus();

	private volatile ScheduledExecutorService executor;

	private volatile List<PolicySource> lastSeen;

	/**
	 * Create a reloader.
	 * @param harness the harness to reload
	 * @param sources reads the current policy files
	 * @param interval how often to look; zero to never look (policies that cannot change)
	 */
	public PolicyReloader(PolicyAdministration harness, Supplier<List<PolicySource>> sources, Duration interval) {
		this.harness = Objects.requireNonNull(harness, "'harness' must not be null");
		this.sources = Objects.requireNonNull(sources, "'sources' must not be null");
		this.interval = Objects.requireNonNull(interval, "'interval' must not be null");
	}

	@Override
	public void start() {
		if (this.interval.isZero()) {
			return;
		}
		this.lastSeen = read();
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sondera-policy-reload");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(100, this.interval.toMillis());
		scheduler.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.executor;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Return what the last reloads did.
	 * @return the status
	 */
	public ReloadStatus status() {
		return this.status;
	}

	/**
	 * Look at the files once and reload if they changed.
	 */
	public void check() {
		List<PolicySource> current = read();
		if (current == null || current.equals(this.lastSeen)) {
			return;
		}
		this.lastSeen = current;
		try {
			long version = this.harness.reload(current);
			this.status.succeeded();
			logger.info("Reloaded Cedar policies: version " + version + ", " + current.size() + " file(s)");
		}
		catch (RuntimeException ex) {
			this.status.failed(ex.getMessage());
			logger.error("Cedar policies changed but are invalid; version " + this.harness.policyVersion()
					+ " keeps serving: " + ex.getMessage());
		}
	}

	private List<PolicySource> read() {
		try {
			return this.sources.get();
		}
		catch (RuntimeException ex) {
			if (!String.valueOf(ex.getMessage()).equals(this.status.lastError())) {
				logger.error("Could not read the Cedar policies; the loaded ones keep serving: " + ex.getMessage());
			}
			this.status.failed(ex.getMessage());
			return null;
		}
	}

	/**
	 * What the reloads did, for health.
	 */
	public static final class ReloadStatus {

		private volatile String lastError;

		private volatile long reloads;

		private volatile long failures;

		synchronized void succeeded() {
			this.lastError = null;
			this.reloads++;
		}

		synchronized void failed(String error) {
			this.lastError = error;
			this.failures++;
		}

		/**
		 * Return the error of the last reload, if it failed.
		 * @return the error, or {@code null} when the current files are loaded
		 */
		public String lastError() {
			return this.lastError;
		}

		/**
		 * Return how many reloads succeeded.
		 * @return the count
		 */
		public long reloads() {
			return this.reloads;
		}

		/**
		 * Return how many reloads failed.
		 * @return the count
		 */
		public long failures() {
			return this.failures;
		}

	}

}
