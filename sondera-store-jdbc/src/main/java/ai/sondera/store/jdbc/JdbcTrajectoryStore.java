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

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.sondera.harness.Agent;
import ai.sondera.harness.TrajectoryStatus;
import ai.sondera.harness.store.StoreJson;
import ai.sondera.harness.store.StoredTrajectory;
import ai.sondera.harness.store.TrajectoryHead;
import ai.sondera.harness.store.TrajectoryRecord;
import ai.sondera.harness.store.TrajectoryStep;
import ai.sondera.harness.store.TrajectoryStore;

/**
 * A {@link TrajectoryStore} in PostgreSQL, shared by every instance of an application:
 * a trajectory started on one instance is resumed on another with all its steps (and
 * its step count). Agents and steps are kept as the Sondera SDK's JSON.
 *
 * <p>
 * Two instances appending the same step of one trajectory at once (one conversation
 * served by two instances at the same moment) is refused for the second, which then
 * fails closed.
 *
 * @author Sondera
 */
public class JdbcTrajectoryStore implements TrajectoryStore {

	private final JdbcClient jdbc;

	/**
	 * Create a store on a database whose tables exist ({@link SonderaSchema#migrate}).
	 * @param dataSource the database
	 */
	public JdbcTrajectoryStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "'dataSource' must not be null"));
	}

	@Override
	public void saveAgent(Agent agent) {
		this.jdbc.sql("INSERT INTO sondera_agent (id, agent, updated_at) VALUES (?, ?, ?) ON CONFLICT (id)"
				+ " DO UPDATE SET agent = EXCLUDED.agent, updated_at = EXCLUDED.updated_at"
				+ " WHERE sondera_agent.agent <> EXCLUDED.agent")
			.params(agent.id(), StoreJson.agent(agent), Timestamp.from(Instant.now()))
			.update();
	}

	@Override
	public Optional<Agent> loadAgent(String agentId) {
		return this.jdbc.sql("SELECT agent FROM sondera_agent WHERE id = ?")
			.param(agentId)
			.query(String.class)
			.optional()
			.map(StoreJson::parseAgent);
	}

	@Override
	public void create(TrajectoryRecord record) {
		Timestamp created = Timestamp.from(record.createdAt());
		this.jdbc
			.sql("INSERT INTO sondera_trajectory (id, agent_id, status, session_id, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?)")
			.params(record.id(), record.agentId(), record.status().wireName(), record.sessionId(), created, created)
			.update();
	}

	@Override
	public void append(TrajectoryRecord record, long stepIndex, TrajectoryStep step) {
		try {
			this.jdbc.sql("INSERT INTO sondera_trajectory_step (trajectory_id, step_index, step) VALUES (?, ?, ?)")
				.params(record.id(), stepIndex, StoreJson.step(step))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalStateException("Step " + stepIndex + " of trajectory " + record.id()
					+ " was already written (by another instance serving the same conversation at the same time)",
					ex);
		}
	}

	@Override
	public void updateStatus(TrajectoryRecord record, TrajectoryStatus status) {
		this.jdbc.sql("UPDATE sondera_trajectory SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.wireName(), Timestamp.from(Instant.now()), record.id())
			.update();
	}

	@Override
	public Optional<StoredTrajectory> load(String trajectoryId) {
		Optional<TrajectoryRecord> record = this.jdbc
			.sql("SELECT id, agent_id, status, session_id, created_at FROM sondera_trajectory WHERE id = ?")
			.param(trajectoryId)
			.query(JdbcTrajectoryStore::record)
			.optional();
		return record.map((header) -> new StoredTrajectory(header, steps(trajectoryId)));
	}

	/**
	 * Read the header and the step count from the step index, without reading the steps
	 * (resuming a conversation on every call stays cheap however long it is).
	 */
	@Override
	public Optional<TrajectoryHead> loadHead(String trajectoryId) {
		return this.jdbc.sql("SELECT id, agent_id, status, session_id, created_at, (SELECT coalesce(max(step_index) + 1,"
				+ " 0) FROM sondera_trajectory_step WHERE trajectory_id = t.id) AS step_count FROM sondera_trajectory t"
				+ " WHERE id = ?")
			.param(trajectoryId)
			.query((row, rowNumber) -> new TrajectoryHead(record(row, rowNumber), row.getLong("step_count")))
			.optional();
	}

	/**
	 * Return the ids of the stored trajectories, oldest first (for example to replay
	 * them against changed policies with {@code Replay.of(store, store.trajectoryIds())}).
	 * @return the trajectory ids
	 */
	public List<String> trajectoryIds() {
		return this.jdbc.sql("SELECT id FROM sondera_trajectory ORDER BY created_at, id").query(String.class).list();
	}

	private List<TrajectoryStep> steps(String trajectoryId) {
		return this.jdbc.sql("SELECT step FROM sondera_trajectory_step WHERE trajectory_id = ? ORDER BY step_index")
			.param(trajectoryId)
			.query(String.class)
			.list()
			.stream()
			.map(StoreJson::parseStep)
			.toList();
	}

	private static TrajectoryRecord record(ResultSet row, int rowNumber) throws SQLException {
		return new TrajectoryRecord(row.getString("id"), row.getString("agent_id"),
				TrajectoryStatus.fromWireName(row.getString("status")), row.getString("session_id"),
				row.getTimestamp("created_at").toInstant());
	}

}
