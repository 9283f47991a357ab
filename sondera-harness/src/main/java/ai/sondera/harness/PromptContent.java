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
package ai.sondera.harness;

import java.util.Objects;

/**
 * Text going to or coming from a model, adjudicated as the Cedar action {@code Prompt} on
 * a {@code Message} resource.
 *
 * @param text the text
 * @author Sondera
 */
public record PromptContent(String text) implements Content {

	public PromptContent {
		Objects.requireNonNull(text, "'text' must not be null");
	}

}
