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

package ai.sondera.spring.ai.approval;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * How far an approval reaches. An approval only ever applies to calls with the digest of
 * the call that was approved (same agent, stage, tool, arguments or text, trajectory and
 * policies); its scope says how many of them:
 * <ul>
 * <li>{@link #ONCE} (the default): the one call;</li>
 * <li>{@link #CONVERSATION}: the same call again in the same conversation (its
 * trajectory) needs no new approval;</li>
 * <li>{@link #until(Instant)}: the same call again needs no new approval until then.</li>
 * </ul>
 *
 * @param kind the kind of scope
 * @param until the end of an {@link Kind#UNTIL} scope, {@code null} otherwise
 * @author Sondera
 */
public record ApprovalScope(Kind kind, Instant until) {

	/** The approved call only. */
	public static final ApprovalScope ONCE = new ApprovalScope(Kind.ONCE, null);

	/** The same call again in the same conversation. */
	public static final ApprovalScope CONVERSATION = new ApprovalScope(Kind.CONVERSATION, null);

	public ApprovalScope {
		Objects.requireNonNull(kind, "'kind' must not be null");
		if ((kind == Kind.UNTIL) != (until != null)) {
			throw new IllegalArgumentException("'until' is required for an UNTIL scope and only for it");
		}
	}

	/**
	 * The same call again until a time.
	 * @param until when the approval ends
	 * @return the scope
	 */
	public static ApprovalScope until(Instant until) {
		return new ApprovalScope(Kind.UNTIL, until);
	}

	/**
	 * Read a scope as an approver writes it: {@code once}, {@code conversation}, an
	 * ISO-8601 instant ({@code 2026-12-31T18:00:00Z}) or a duration from now
	 * ({@code PT1H}).
	 * @param text the scope, or {@code null} or empty for {@link #ONCE}
	 * @param now the current time
	 * @return the scope
	 * @throws IllegalArgumentException if the text is none of these
	 */
	public static ApprovalScope parse(String text, Instant now) {
		if (text == null || text.isBlank() || text.equalsIgnoreCase("once")) {
			return ONCE;
		}
		if (text.equalsIgnoreCase("conversation")) {
			return CONVERSATION;
		}
		try {
			return (text.startsWith("P") || text.startsWith("p")) ? until(now.plus(Duration.parse(text)))
					: until(Instant.parse(text));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("scope must be 'once', 'conversation', an ISO-8601 instant"
					+ " (2026-12-31T18:00:00Z) or a duration (PT1H), not '" + text + "'", ex);
		}
	}

	/**
	 * Return whether an approval of this scope is used up by the call it releases.
	 * @return whether it applies once
	 */
	public boolean once() {
		return this.kind == Kind.ONCE;
	}

	/**
	 * Return whether an approval of this scope still applies.
	 * @param now the current time
	 * @return whether it has not ended
	 */
	public boolean coversTime(Instant now) {
		return this.until == null || now.isBefore(this.until);
	}

	@Override
	public String toString() {
		return (this.kind == Kind.UNTIL) ? "until " + this.until : this.kind.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The kinds of scope.
	 */
	public enum Kind {

		/** The approved call only. */
		ONCE,

		/** The same call again in the same conversation. */
		CONVERSATION,

		/** The same call again until a time. */
		UNTIL

	}

}
