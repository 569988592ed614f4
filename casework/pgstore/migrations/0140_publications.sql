-- Publications (行政执法公示): one per decided case, its JSON in doc; state,
-- agency and decided are copied out for the lists. Numbered apart from the
-- 000x migrations other features add in parallel; order does not matter
-- (this table refers to none).
CREATE TABLE publications (
	case_id text        PRIMARY KEY,
	agency  text        NOT NULL,
	state   text        NOT NULL,
	decided timestamptz NOT NULL,
	version bigint      NOT NULL CHECK (version > 0),
	doc     text        NOT NULL
);
CREATE INDEX publications_state ON publications (state, decided DESC, case_id DESC);
CREATE INDEX publications_agency ON publications (agency, state, decided DESC, case_id DESC);
