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

import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

import ai.sondera.harness.replay.ReplayReport;

/**
 * Assertions on a {@link ReplayReport}; a failure prints the whole report.
 *
 * @author Sondera
 */
public class ReplayReportAssert extends AbstractObjectAssert<ReplayReportAssert, ReplayReport> {

	ReplayReportAssert(ReplayReport actual) {
		super(actual, ReplayReportAssert.class);
	}

	/**
	 * Verify that no recorded decision changes.
	 * @return this
	 */
	public ReplayReportAssert hasNoChanges() {
		isNotNull();
		if (this.actual.hasChanges()) {
			failWithMessage("Expected no decision to change, but:%n%s", this.actual.format());
		}
		return this;
	}

	/**
	 * Verify that some recorded decision changes, and go on with the changes.
	 * @return an assertion on the changes
	 */
	public ListAssert<ReplayReport.Change> changes() {
		isNotNull();
		return Assertions.assertThat(this.actual.changes());
	}

}
