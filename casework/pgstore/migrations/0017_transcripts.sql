-- Transcripts of a case's recordings (issue 17): the engine's result and
-- every version of the 询问笔录 drawn from it, as the JSON our code wrote;
-- version is the optimistic-update counter, as in cases.
CREATE TABLE transcripts (
	case_id text   NOT NULL,
	digest  text   NOT NULL,
	version bigint NOT NULL CHECK (version > 0),
	doc     text   NOT NULL,
	PRIMARY KEY (case_id, digest)
);
