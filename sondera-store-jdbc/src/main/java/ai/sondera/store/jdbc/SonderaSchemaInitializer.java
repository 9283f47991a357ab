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

import java.util.Objects;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates or upgrades the Sondera tables ({@link SonderaSchema#migrate}) when the
 * application context starts, before the stores that use them.
 *
 * @author Sondera
 */
public class SonderaSchemaInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(SonderaSchemaInitializer.class);

	private final DataSource dataSource;

	/**
	 * Create an initializer.
	 * @param dataSource the database
	 */
	public SonderaSchemaInitializer(DataSource dataSource) {
		this.dataSource = Objects.requireNonNull(dataSource, "'dataSource' must not be null");
	}

	@Override
	public void afterPropertiesSet() {
		int applied = SonderaSchema.migrate(this.dataSource);
		if (applied > 0) {
			logger.info("Applied " + applied + " Sondera schema migration(s) (" + SonderaSchema.LOCATION + ")");
		}
	}

}
