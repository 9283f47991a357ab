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
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.spring.ai.approval.StoredApproval;

/**
 * Tells open console pages (server-sent events) when the approvals change: a request
 * arrives or is decided, on this instance or, with a shared store, on any other. While
 * a page is open the store is read every {@code interval} and compared with what it
 * held before.
 *
 * @author Sondera
 */
public class ApprovalChanges implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ApprovalChanges.class);

	private static final long EMITTER_TIMEOUT = Duration.ofMinutes(30).toMillis();

	private final ApprovalStore store;

	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService scheduler;

	private volatile String last = "";

	/**
	 * Create the notifier.
	 * @param store the approval store
	 * @param interval how often the store is read while a page is open
	 */
	public ApprovalChanges(ApprovalStore store, Duration interval) {
		this.store = Objects.requireNonNull(store, "'store' must not be null");
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "sondera-approvals-console");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Open a stream of change events for a page.
	 * @return the emitter
	 */
	public SseEmitter subscribe() {
		SseEmitter emitter = new SseEmitter(EMITTER_TIMEOUT);
		emitter.onCompletion(() -> this.emitters.remove(emitter));
		emitter.onTimeout(() -> this.emitters.remove(emitter));
		emitter.onError((ex) -> this.emitters.remove(emitter));
		this.emitters.add(emitter);
		send(emitter, "ready");
		return emitter;
	}

	private void check() {
		if (this.emitters.isEmpty()) {
			return;
		}
		try {
			String current = signature();
			if (!current.equals(this.last)) {
				this.last = current;
				this.emitters.forEach((emitter) -> send(emitter, "changed"));
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the approval store for the console", ex);
		}
	}

	private String signature() {
		String pending = this.store.pending().stream().map(StoredApproval::id).collect(Collectors.joining(","));
		String decided = this.store.decided(1).stream().map(StoredApproval::id).findFirst().orElse("");
		return pending + "|" + decided;
	}

	private void send(SseEmitter emitter, String name) {
		try {
			emitter.send(SseEmitter.event().name(name).data(name));
		}
		catch (IOException | IllegalStateException ex) {
			this.emitters.remove(emitter);
		}
	}

	/**
	 * Stop watching and close the open streams.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.emitters.forEach(SseEmitter::complete);
	}

}
