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

package ai.sondera.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on a PostgreSQL notification channel on a connection of its own and hands the
 * notified ids to a consumer; every {@code pollInterval} it hands over {@code null}
 * (re-read everything waited for), which also covers notifications sent while the
 * connection was lost. A lost connection is re-established every second until the
 * database is back.
 *
 * @author Sondera
 */
final class ApprovalNotifications implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(ApprovalNotifications.class);

	private final DataSource dataSource;

	private final String channel;

	private final Duration pollInterval;

	private final Consumer<Set<String>> released;

	private final Thread thread;

	private volatile boolean closed;

	private volatile Connection connection;

	ApprovalNotifications(DataSource dataSource, String channel, Duration pollInterval,
			Consumer<Set<String>> released) {
		this.dataSource = dataSource;
		this.channel = channel;
		this.pollInterval = pollInterval;
		this.released = released;
		this.thread = new Thread(this::run, "sondera-approval-notifications");
		this.thread.setDaemon(true);
	}

	void start() {
		this.thread.start();
	}

	private void run() {
		long nextPoll = System.nanoTime() + this.pollInterval.toNanos();
		boolean lost = false;
		while (!this.closed) {
			try {
				PGConnection listening = listen();
				if (lost) {
					logger.info("Listening for approval decisions on channel " + this.channel + " again");
					lost = false;
					this.released.accept(null);
				}
				PGNotification[] notifications = listening
					.getNotifications((int) Math.max(1, Math.min(500, this.pollInterval.toMillis())));
				if (notifications != null && notifications.length > 0) {
					Set<String> ids = new HashSet<>();
					for (PGNotification notification : notifications) {
						ids.add(notification.getParameter());
					}
					this.released.accept(ids);
				}
				if (System.nanoTime() - nextPoll >= 0) {
					nextPoll = System.nanoTime() + this.pollInterval.toNanos();
					this.released.accept(null);
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (this.closed) {
					return;
				}
				if (!lost) {
					logger.warn("Lost the connection listening for approval decisions (" + ex.getMessage()
							+ "); retrying every second, decisions are read by polling meanwhile");
					lost = true;
				}
				disconnect();
				pause();
			}
		}
	}

	private PGConnection listen() throws SQLException {
		Connection current = this.connection;
		if (current == null) {
			current = this.dataSource.getConnection();
			current.setAutoCommit(true);
			try (Statement statement = current.createStatement()) {
				statement.execute("LISTEN " + this.channel);
			}
			this.connection = current;
		}
		return current.unwrap(PGConnection.class);
	}

	private void disconnect() {
		Connection current = this.connection;
		this.connection = null;
		if (current != null) {
			try {
				current.close();
			}
			catch (SQLException ex) {
				// already broken
			}
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.closed = true;
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.thread.interrupt();
		try {
			this.thread.join(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		disconnect();
	}

}
