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

/**
 * A policy source as loaded: its name, where exactly it was read, how many policies it
 * holds and a hash of its text, so that anyone can tell which files decide.
 *
 * @param origin the name used in error messages (a path or {@code classpath:...})
 * @param location the full location (a file path, or a URL naming the jar and entry)
 * @param policies the number of policies in it
 * @param sha256 the SHA-256 of its text, hex
 * @author Sondera
 */
public record PolicySourceInfo(String origin, String location, int policies, String sha256) {

}
