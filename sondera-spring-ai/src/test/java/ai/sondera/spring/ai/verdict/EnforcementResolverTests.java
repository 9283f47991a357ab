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
package ai.sondera.spring.ai.verdict;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.verdict.EnforcementResolver.ToolEnforcement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EnforcementResolver}: property, then annotation, then global.
 */
class EnforcementResolverTests {

	@Test
	void configuredModeBeatsAnnotationBeatsGlobal() {
		EnforcementResolver resolver = new EnforcementResolver(Enforcement.STEER,
				Map.of("buy", new ToolEnforcement(EnforcementMode.BLOCK, null)));
		resolver.addAnnotated(Map.of("buy", EnforcementMode.STEER, "sell", EnforcementMode.BLOCK));
		assertThat(resolver.forTool("buy")).isEqualTo(Enforcement.of(EnforcementMode.BLOCK));
		assertThat(resolver.forTool("sell")).isEqualTo(Enforcement.of(EnforcementMode.BLOCK));
		assertThat(resolver.forTool("other")).isEqualTo(Enforcement.STEER);
		assertThat(resolver.forTool(null)).isEqualTo(Enforcement.STEER);
		assertThat(resolver.forModelText()).isEqualTo(Enforcement.STEER);
	}

	@Test
	void monitorModeIsAMonitoredSteer() {
		assertThat(Enforcement.of(EnforcementMode.MONITOR)).isEqualTo(new Enforcement(EnforcementMode.STEER, true));
	}

	@Test
	void monitorCanBeSetOrLiftedPerTool() {
		Enforcement globalMonitor = new Enforcement(EnforcementMode.BLOCK, true);
		EnforcementResolver resolver = new EnforcementResolver(globalMonitor,
				Map.of("buy", new ToolEnforcement(null, false), "sell", new ToolEnforcement(null, null)));
		assertThat(resolver.forTool("buy")).isEqualTo(new Enforcement(EnforcementMode.BLOCK, false));
		assertThat(resolver.forTool("sell")).isEqualTo(globalMonitor);
		EnforcementResolver perTool = new EnforcementResolver(Enforcement.STEER,
				Map.of("buy", new ToolEnforcement(EnforcementMode.BLOCK, true)));
		assertThat(perTool.forTool("buy")).isEqualTo(new Enforcement(EnforcementMode.BLOCK, true));
		assertThat(perTool.forModelText()).isEqualTo(Enforcement.STEER);
	}

}
