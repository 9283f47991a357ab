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

import java.util.Objects;

/**
 * A trajectory's header and how many steps it has: what resuming it needs, without its
 * steps.
 *
 * @param record the header
 * @param stepCount how many steps are stored
 * @author Sondera
 */
public record TrajectoryHead(TrajectoryRecord record, long stepCount) {

	public TrajectoryHead {
		Objects.requireNonNull(record, "'record' must not be null");
	}

}
