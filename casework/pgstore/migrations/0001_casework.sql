-- casework on PostgreSQL: users, agencies, cases, evidence records and the
-- full-process log. Documents (doc) are the JSON our code wrote, kept as
-- text; columns beside them are only what queries filter or sort on. The
-- log keeps each entry's JSON byte for byte (bytea, never jsonb, which
-- would reformat it and break the hash chain).

CREATE TABLE agencies (
	code text PRIMARY KEY,
	doc  text NOT NULL
);

CREATE TABLE users (
	id     text PRIMARY KEY,
	agency text NOT NULL,
	doc    text NOT NULL
);
CREATE INDEX users_agency ON users (agency, id);

CREATE TABLE credentials (
	user_id text PRIMARY KEY,
	doc     text NOT NULL
);

CREATE TABLE tokens (
	hash    text PRIMARY KEY,
	user_id text NOT NULL,
	doc     text NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);

-- The last case number of each agency and year (NextCaseNumber).
CREATE TABLE case_numbers (
	agency text    NOT NULL,
	year   integer NOT NULL,
	last   integer NOT NULL,
	PRIMARY KEY (agency, year)
);

CREATE TABLE cases (
	id       text        PRIMARY KEY,
	agency   text        NOT NULL,
	stage    text        NOT NULL,
	officers text[]      NOT NULL,
	shared   boolean     NOT NULL,
	due      timestamptz,
	updated  timestamptz NOT NULL,
	version  bigint      NOT NULL CHECK (version > 0),
	doc      text        NOT NULL
);
CREATE INDEX cases_agency_updated ON cases (agency, updated DESC, id DESC);
CREATE INDEX cases_updated ON cases (updated DESC, id DESC);
CREATE INDEX cases_officers ON cases USING gin (officers);
CREATE INDEX cases_due ON cases (due) WHERE due IS NOT NULL;

CREATE TABLE evidence (
	ord     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	case_id text NOT NULL,
	digest  text NOT NULL,
	doc     text NOT NULL,
	UNIQUE (case_id, digest)
);

-- The full-process log: seq is the entry's position; body its JSON as
-- written. case_id is copied out of the body for the case timeline only.
CREATE TABLE audit_log (
	seq     bigint PRIMARY KEY CHECK (seq > 0),
	case_id text,
	body    bytea  NOT NULL
);
CREATE INDEX audit_log_case ON audit_log (case_id, seq) WHERE case_id IS NOT NULL;

-- One row that appenders lock FOR UPDATE: appends happen one at a time, each
-- after the last committed one.
CREATE TABLE audit_head (
	id integer PRIMARY KEY CHECK (id = 1)
);
INSERT INTO audit_head (id) VALUES (1);

CREATE TABLE checkpoints (
	size bigint PRIMARY KEY,
	doc  text   NOT NULL
);
