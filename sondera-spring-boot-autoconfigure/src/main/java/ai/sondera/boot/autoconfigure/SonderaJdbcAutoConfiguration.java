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

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import ai.sondera.harness.audit.AuditLog;
import ai.sondera.harness.store.TrajectoryStore;
import ai.sondera.spring.ai.advisor.ConversationIndex;
import ai.sondera.spring.ai.approval.ApprovalStore;
import ai.sondera.store.jdbc.JdbcApprovalStore;
import ai.sondera.store.jdbc.JdbcAuditLog;
import ai.sondera.store.jdbc.JdbcConversationIndex;
import ai.sondera.store.jdbc.JdbcTrajectoryStore;
import ai.sondera.store.jdbc.SonderaSchemaInitializer;

/**
 * Auto-configuration that puts the policy state every instance must share in the
 * application's PostgreSQL {@link DataSource} when {@code sondera.trajectories.store=jdbc}:
 * trajectories, the one audit hash chain, approval requests and decisions, and the
 * conversation index. The tables are created by Flyway at startup unless
 * {@code sondera.trajectories.jdbc.initialize-schema=false}.
 *
 * @author Sondera
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		before = { SonderaHarnessAutoConfiguration.class, SonderaToolAutoConfiguration.class,
				SonderaChatClientAutoConfiguration.class })
@ConditionalOnClass(JdbcTrajectoryStore.class)
@ConditionalOnBooleanProperty(name = "sondera.enabled", matchIfMissing = true)
@ConditionalOnProperty(name = "sondera.trajectories.store", havingValue = "jdbc")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(SonderaProperties.class)
public final class SonderaJdbcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "sondera.trajectories.jdbc.initialize-schema", matchIfMissing = true)
	SonderaSchemaInitializer sonderaSchemaInitializer(DataSource dataSource) {
		return new SonderaSchemaInitializer(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean
	TrajectoryStore sonderaTrajectoryStore(DataSource dataSource, ObjectProvider<SonderaSchemaInitializer> schema) {
		tablesFirst(schema);
		return new JdbcTrajectoryStore(dataSource);
	}

	@Bean
	@ConditionalOnMissingBean(AuditLog.class)
	@ConditionalOnBooleanProperty(name = "sondera.audit.enabled", matchIfMissing = true)
	JdbcAuditLog sonderaAuditLog(DataSource dataSource, ObjectProvider<SonderaSchemaInitializer> schema) {
		tablesFirst(schema);
		return new JdbcAuditLog(dataSource);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ApprovalStore sonderaApprovalStore(DataSource dataSource, SonderaProperties properties,
			ObjectProvider<SonderaSchemaInitializer> schema) {
		tablesFirst(schema);
		return new JdbcApprovalStore(dataSource, properties.getTrajectories().getJdbc().getPollInterval());
	}

	@Bean
	@ConditionalOnMissingBean
	ConversationIndex sonderaConversationIndex(DataSource dataSource, ObjectProvider<SonderaSchemaInitializer> schema) {
		tablesFirst(schema);
		return new JdbcConversationIndex(dataSource);
	}

	/**
	 * Make sure the tables exist before a store is created (the initializer runs its
	 * migrations when it is created).
	 */
	private static void tablesFirst(ObjectProvider<SonderaSchemaInitializer> schema) {
		schema.getIfAvailable();
	}

}
