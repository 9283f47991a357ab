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

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.sondera.spring.ai.advisor.ConversationIndex;

/**
 * A {@link ConversationIndex} in PostgreSQL: a conversation continues its trajectory on
 * whichever instance serves its next call.
 *
 * @author Sondera
 */
public class JdbcConversationIndex implements ConversationIndex {

	private final JdbcClient jdbc;

	/**
	 * Create an index on a database whose tables exist ({@link SonderaSchema#migrate}).
	 * @param dataSource the database
	 */
	public JdbcConversationIndex(DataSource dataSource) {
		this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "'dataSource' must not be null"));
	}

	@Override
	public Optional<String> trajectoryOf(String conversationId) {
		return this.jdbc.sql("SELECT trajectory_id FROM sondera_conversation WHERE conversation_id = ?")
			.param(conversationId)
			.query(String.class)
			.optional();
	}

	@Override
	public void save(String conversationId, String trajectoryId) {
		this.jdbc.sql("INSERT INTO sondera_conversation (conversation_id, trajectory_id, updated_at) VALUES (?, ?, ?)"
				+ " ON CONFLICT (conversation_id) DO UPDATE SET trajectory_id = EXCLUDED.trajectory_id,"
				+ " updated_at = EXCLUDED.updated_at")
			.params(conversationId, trajectoryId, Timestamp.from(Instant.now()))
			.update();
	}

	@Override
	public void remove(String conversationId) {
		this.jdbc.sql("DELETE FROM sondera_conversation WHERE conversation_id = ?").param(conversationId).update();
	}

}
