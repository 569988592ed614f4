-- Other agencies' decisions received in exchange files (issue 16, data
-- sharing): read-only records, one row per source agency and case, replaced
-- by a newer export of the same case. The document is the JSON our code
-- wrote; source_agency and decided are beside it for the queries that filter.

CREATE TABLE shared_records (
	key           text        PRIMARY KEY,
	source_agency text        NOT NULL,
	decided       timestamptz NOT NULL,
	doc           text        NOT NULL
);
CREATE INDEX shared_records_agency ON shared_records (source_agency, key);
