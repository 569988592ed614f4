-- Issued enforcement documents (执法文书): every version kept, never
-- overwritten; the files themselves are in the blob store by digest.

-- The last number of each agency's document family and year
-- (NextDocumentNumber); taken in a statement of its own so that a number
-- is never handed out twice.
CREATE TABLE document_numbers (
	agency text    NOT NULL,
	family text    NOT NULL,
	year   integer NOT NULL,
	last   integer NOT NULL,
	PRIMARY KEY (agency, family, year)
);

CREATE TABLE documents (
	case_id text    NOT NULL REFERENCES cases (id),
	kind    text    NOT NULL,
	version integer NOT NULL CHECK (version > 0),
	doc     text    NOT NULL,
	PRIMARY KEY (case_id, kind, version)
);
