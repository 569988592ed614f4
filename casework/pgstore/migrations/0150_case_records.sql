-- A case's procedure records: each 送达 (kind 'delivery') and each
-- statement of the party with the agency's answer (kind 'statement'), as
-- JSON in doc, numbered per case and kind from 1. Numbered apart from the
-- migrations other features add in parallel; it refers only to cases.
CREATE TABLE case_records (
	case_id text    NOT NULL REFERENCES cases (id),
	kind    text    NOT NULL,
	seq     integer NOT NULL CHECK (seq > 0),
	version bigint  NOT NULL CHECK (version > 0),
	doc     text    NOT NULL,
	PRIMARY KEY (case_id, kind, seq)
);
