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
package ai.sondera.harness.store;

import java.time.Instant;
import java.util.Objects;

import ai.sondera.harness.Adjudication;
import ai.sondera.harness.Content;
import ai.sondera.harness.Role;
import ai.sondera.harness.Stage;

/**
 * One adjudicated step of a trajectory.
 *
 * @param stage the stage
 * @param role the role
 * @param content what was adjudicated
 * @param adjudication the result
 * @param createdAt when it was adjudicated
 * @author Sondera
 */
public record TrajectoryStep(Stage stage, Role role, Content content, Adjudication adjudication, Instant createdAt) {

	public TrajectoryStep {
		Objects.requireNonNull(stage, "'stage' must not be null");
		Objects.requireNonNull(role, "'role' must not be null");
		Objects.requireNonNull(content, "'content' must not be null");
		Objects.requireNonNull(adjudication, "'adjudication' must not be null");
		Objects.requireNonNull(createdAt, "'createdAt' must not be null");
	}

}
