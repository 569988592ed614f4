-- Daily digests and enforcement acts besides penalty cases (issue 16).
--
-- digests: the morning summary of an agency ('' for the city) for a day,
-- kept as written. The primary key is what makes two nodes sharing this
-- database send one digest per agency and day: the second insert fails and
-- its transaction writes nothing.
CREATE TABLE digests (
	agency  text        NOT NULL,
	day     date        NOT NULL,
	created timestamptz NOT NULL,
	doc     text        NOT NULL,
	PRIMARY KEY (agency, day)
);

-- acts: light records of 行政许可、行政强制、行政征收、行政检查 and the
-- agencies' own categories, counted by the statistics. Documents as in
-- 0001, with what queries filter on beside them.
CREATE TABLE acts (
	id       text NOT NULL PRIMARY KEY,
	agency   text NOT NULL,
	category text NOT NULL,
	day      date NOT NULL,
	doc      text NOT NULL
);
CREATE INDEX acts_agency_day ON acts (agency, day);
