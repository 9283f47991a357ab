-- Sondera shared policy state: trajectories, the audit hash chain, approvals and the
-- conversation index, shared by every instance of an application.

CREATE TABLE sondera_agent (
	id TEXT PRIMARY KEY,
	agent TEXT NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sondera_trajectory (
	id TEXT PRIMARY KEY,
	agent_id TEXT NOT NULL,
	status VARCHAR(16) NOT NULL,
	session_id TEXT,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sondera_trajectory_step (
	trajectory_id TEXT NOT NULL REFERENCES sondera_trajectory (id) ON DELETE CASCADE,
	step_index BIGINT NOT NULL,
	step TEXT NOT NULL,
	PRIMARY KEY (trajectory_id, step_index)
);

-- One row: the newest record of the fleet's one audit chain. Appending locks it, so
-- concurrent writers of every instance take turns and the chain neither forks nor gaps.
CREATE TABLE sondera_audit_head (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	seq BIGINT NOT NULL,
	hash CHAR(64) NOT NULL
);

INSERT INTO sondera_audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE sondera_audit (
	seq BIGINT PRIMARY KEY,
	audit_id VARCHAR(64) NOT NULL UNIQUE,
	trajectory_id TEXT,
	record TEXT NOT NULL,
	hash CHAR(64) NOT NULL
);

CREATE TABLE sondera_approval (
	id TEXT PRIMARY KEY,
	digest CHAR(64) NOT NULL,
	state VARCHAR(16) NOT NULL,
	request TEXT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL,
	asked_at TIMESTAMP WITH TIME ZONE NOT NULL,
	decided_at TIMESTAMP WITH TIME ZONE,
	approved BOOLEAN,
	approver TEXT,
	comment TEXT,
	scope VARCHAR(16),
	scope_until TIMESTAMP WITH TIME ZONE,
	used BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX sondera_approval_digest ON sondera_approval (digest, state);

CREATE INDEX sondera_approval_decided ON sondera_approval (decided_at DESC) WHERE state <> 'PENDING';

-- At most one pending request per call: the same call asks once.
CREATE UNIQUE INDEX sondera_approval_one_pending ON sondera_approval (digest) WHERE state = 'PENDING';

CREATE TABLE sondera_conversation (
	conversation_id TEXT PRIMARY KEY,
	trajectory_id TEXT NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
