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
package ai.sondera.spring.ai.mcp;

import java.security.Principal;
import java.util.Map;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import org.junit.jupiter.api.Test;

import ai.sondera.harness.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link McpCallerResolver#DEFAULT}: the declared client name and the authenticated
 * principal.
 */
class McpCallerResolverTests {

	@Test
	void readsTheClientNameAndThePrincipal() {
		Principal ana = () -> "ana";
		McpTransportContext context = McpTransportContext.create(Map.of(McpCallerResolver.PRINCIPAL_KEY, ana));
		assertThat(McpCallerResolver.DEFAULT.resolve(new Implementation("ide", "1"), context))
			.isEqualTo(new Caller("ana", "ide"));
		assertThat(McpCallerResolver.DEFAULT.resolve(new Implementation("ide", "1"),
				McpTransportContext.create(Map.of(McpCallerResolver.PRINCIPAL_KEY, "bob"))))
			.isEqualTo(new Caller("bob", "ide"));
	}

	@Test
	void unknownPartsAreAbsent() {
		Caller nobody = McpCallerResolver.DEFAULT.resolve(null, McpTransportContext.EMPTY);
		assertThat(nobody).isEqualTo(new Caller(null, null));
		assertThat(nobody.attributes()).isEmpty();
	}

}
