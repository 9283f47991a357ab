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

package ai.sondera.harness.policy;

import ai.sondera.harness.PolicyMetadata;

/**
 * A loaded policy as written: its annotations, effect, where it is, and a hash of its
 * text.
 *
 * @param metadata the policy's annotations
 * @param effect {@code permit} or {@code forbid}
 * @param origin the file or resource
 * @param line the 1-based line where the policy starts
 * @param sha256 the SHA-256 of the policy's text, hex
 * @author Sondera
 */
public record LoadedPolicyInfo(PolicyMetadata metadata, String effect, String origin, int line, String sha256) {

}
