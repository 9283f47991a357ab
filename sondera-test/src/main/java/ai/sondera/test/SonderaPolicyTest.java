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

package ai.sondera.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class of policies, without a Spring context: a {@link PolicyTester} over the
 * policies and tools given here is built once for the class (a policy that does not load
 * fails every test with the load error) and injected into {@code PolicyTester} fields
 * and parameters. After the class, the policies that no test made decide are reported,
 * and with {@link #requireFullCoverage()} they fail the class.
 *
 * @author Sondera
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SonderaPolicyTestExtension.class)
public @interface SonderaPolicyTest {

	/**
	 * Where the policies are, as for {@code sondera.cedar.policies}.
	 * @return the locations
	 */
	String[] policies() default "classpath:policies/";

	/**
	 * Classes whose {@code @Tool} methods are the agent's tools.
	 * @return the tool classes
	 */
	Class<?>[] tools() default {};

	/**
	 * Tools known only at request time, as {@code sondera.agent.tools}.
	 * @return the tool names
	 */
	String[] requestTimeTools() default {};

	/**
	 * The agent's name (the Cedar namespace), as {@code sondera.agent.name}.
	 * @return the name, or empty for the id's
	 */
	String agent() default "";

	/**
	 * The agent's id, as {@code sondera.agent.id}.
	 * @return the id
	 */
	String agentId() default "agent";

	/**
	 * Whether the class fails when a policy was never made to decide by its tests.
	 * @return whether every policy must be covered
	 */
	boolean requireFullCoverage() default false;

}
