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

package ai.sondera.harness.cedar;

import java.util.Map;
import java.util.Set;

import com.cedarpolicy.AuthorizationEngine;
import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.policy.Policy;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cedar-java's native library loads on this machine and answers a request.
 */
class CedarNativeLibraryTests {

	@Test
	void nativeLibraryLoadsAndAuthorizes() throws Exception {
		assertThat(AuthorizationEngine.getCedarLangVersion()).startsWith("4.");
		EntityTypeName user = EntityTypeName.parse("User").orElseThrow();
		EntityTypeName action = EntityTypeName.parse("Action").orElseThrow();
		PolicySet policies = new PolicySet(
				Set.of(new Policy("permit(principal == User::\"alice\", action, resource);", "p0")));
		AuthorizationResponse allowed = new BasicAuthorizationEngine().isAuthorized(
				new AuthorizationRequest(user.of("alice"), action.of("view"), user.of("bob"), Map.of()), policies,
				Set.of());
		AuthorizationResponse denied = new BasicAuthorizationEngine().isAuthorized(
				new AuthorizationRequest(user.of("eve"), action.of("view"), user.of("bob"), Map.of()), policies,
				Set.of());
		assertThat(allowed.success.orElseThrow().isAllowed()).isTrue();
		assertThat(denied.success.orElseThrow().isAllowed()).isFalse();
	}

}
