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

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The tables of the shared Sondera state, created and upgraded by Flyway migrations in
 * {@value #LOCATION}, recorded in their own history table ({@value #HISTORY_TABLE}) so
 * that they never mix with the application's own migrations. Instances that start at once
 * take turns (Flyway locks the database while it migrates).
 *
 * <p>
 * To let the application's Flyway run them instead, add {@value #LOCATION} to
 * {@code spring.flyway.locations} and set
 * {@code sondera.trajectories.jdbc.initialize-schema=false}.
 *
 * @author Sondera
 */
public final class SonderaSchema {

	/** Where the migrations are. */
	public static final String LOCATION = "classpath:db/sondera/migration";

	/** The Flyway history table of the Sondera migrations. */
	public static final String HISTORY_TABLE = "sondera_schema_history";

	private SonderaSchema() {
	}

	/**
	 * Create or upgrade the tables.
	 * @param dataSource the database
	 * @return how many migrations ran
	 */
	public static int migrate(DataSource dataSource) {
		MigrateResult result = Flyway.configure()
			.dataSource(dataSource)
			.locations(LOCATION)
			.table(HISTORY_TABLE)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		return result.migrationsExecuted;
	}

}
