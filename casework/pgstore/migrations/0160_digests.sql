-- Daily digests (issue 16): the morning summary of an agency ('' for the
-- city) for a day, kept as written. The primary key is what makes two nodes
-- sharing this database send one digest per agency and day: the second
-- insert fails and its transaction writes nothing.

CREATE TABLE digests (
	agency  text        NOT NULL,
	day     date        NOT NULL,
	created timestamptz NOT NULL,
	doc     text        NOT NULL,
	PRIMARY KEY (agency, day)
);
