-- Difficult-case discussions, their comments, users' notifications and the
-- trainers' collections of typical cases (issue 16). Documents as in 0001:
-- the JSON our code wrote, with only what queries filter or sort on beside it.

CREATE TABLE discussions (
	id      text        PRIMARY KEY,
	case_id text        NOT NULL,
	opened  timestamptz NOT NULL,
	version bigint      NOT NULL CHECK (version > 0),
	doc     text        NOT NULL
);
CREATE INDEX discussions_case ON discussions (case_id, opened DESC);

CREATE TABLE comments (
	ord           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	discussion_id text NOT NULL REFERENCES discussions (id),
	id            text NOT NULL UNIQUE,
	doc           text NOT NULL
);
CREATE INDEX comments_discussion ON comments (discussion_id, ord);

CREATE TABLE notifications (
	user_id text        NOT NULL,
	id      text        NOT NULL,
	at      timestamptz NOT NULL,
	doc     text        NOT NULL,
	PRIMARY KEY (user_id, id)
);

CREATE TABLE collections (
	id      text        PRIMARY KEY,
	updated timestamptz NOT NULL,
	version bigint      NOT NULL CHECK (version > 0),
	doc     text        NOT NULL
);
