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

package ai.sondera.spring.ai.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import ai.sondera.spring.ai.EnforcementMode;

/**
 * Sets how a denial of this {@code @Tool} method is enforced, overriding the global
 * {@code sondera.mode}. A {@code sondera.tools.<name>.mode} property overrides the
 * annotation.
 *
 * <pre class="code">
 * &#64;Tool(description = "Transfer money")
 * &#64;ToolPolicy(mode = EnforcementMode.BLOCK)
 * String transfer(String to, long amount) { ... }
 * </pre>
 *
 * @author Sondera
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ToolPolicy {

	/**
	 * What a denial of this tool does.
	 * @return the enforcement mode
	 */
	EnforcementMode mode();

}
