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
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import ai.sondera.spring.ai.EnforcementMode;
import ai.sondera.spring.ai.tool.ToolPolicy;

/**
 * Resolves the {@link Enforcement} of every tool and of model text, once, in one place:
 * what is configured for the tool wins, then its {@link ToolPolicy} annotation, then the
 * global enforcement.
 *
 * @author Sondera
 */
public class EnforcementResolver {

	private final Enforcement global;

	private final Map<String, ToolEnforcement> configured;

	private final Map<String, EnforcementMode> annotated = new ConcurrentHashMap<>();

	/**
	 * Create a resolver.
	 * @param global the enforcement of model text and of tools without their own
	 * @param configured what is configured per tool name
	 */
	public EnforcementResolver(Enforcement global, Map<String, ToolEnforcement> configured) {
		this.global = Objects.requireNonNull(global, "'global' must not be null");
		this.configured = Map.copyOf(configured);
	}

	/**
	 * Create a resolver with one enforcement for everything.
	 * @param global the enforcement
	 * @return the resolver
	 */
	public static EnforcementResolver of(Enforcement global) {
		return new EnforcementResolver(global, Map.of());
	}

	/**
	 * Add the modes of {@link ToolPolicy} annotations, found when the tools are.
	 * @param modes the modes by tool name
	 */
	public void addAnnotated(Map<String, EnforcementMode> modes) {
		this.annotated.putAll(modes);
	}

	/**
	 * Return the enforcement of model text (prompts and answers).
	 * @return the global enforcement
	 */
	public Enforcement forModelText() {
		return this.global;
	}

	/**
	 * Return the enforcement of a tool.
	 * @param tool the tool name, or {@code null} for model text
	 * @return the enforcement
	 */
	public Enforcement forTool(@Nullable String tool) {
		if (tool == null) {
			return this.global;
		}
		ToolEnforcement own = this.configured.get(tool);
		Enforcement resolved = (own != null) ? own.resolve(this.global) : null;
		if (resolved != null) {
			return resolved;
		}
		EnforcementMode annotation = this.annotated.get(tool);
		return (annotation != null) ? Enforcement.of(annotation) : this.global;
	}

	/**
	 * What is configured for one tool; either part may be absent.
	 *
	 * @param mode the tool's mode, or {@code null}
	 * @param monitor whether the tool is monitored ({@code true}) or enforced
	 * ({@code false}), or {@code null}
	 */
	public record ToolEnforcement(@Nullable EnforcementMode mode, @Nullable Boolean monitor) {

		/**
		 * Return the tool's enforcement, or {@code null} if nothing decisive is
		 * configured for it (then its annotation or the global enforcement decides).
		 */
		@Nullable Enforcement resolve(Enforcement global) {
			if (Boolean.TRUE.equals(this.monitor)) {
				return new Enforcement((this.mode != null) ? this.mode : global.mode(), true);
			}
			if (this.mode != null) {
				return Enforcement.of(this.mode);
			}
			if (Boolean.FALSE.equals(this.monitor) && global.monitor()) {
				return global.withMonitor(false);
			}
			return null;
		}

	}

}
