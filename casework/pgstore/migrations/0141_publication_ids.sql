-- Publications get their own key: a decision varied after it was published
-- (行政处罚法 第四十八条) has its first record withdrawn and a new record,
-- "<case ID>.<n>", published in its place, so a case may have several. The
-- existing records keep the case ID as their key.
ALTER TABLE publications ADD COLUMN id text;
UPDATE publications SET id = case_id;
ALTER TABLE publications ALTER COLUMN id SET NOT NULL;
ALTER TABLE publications DROP CONSTRAINT publications_pkey;
ALTER TABLE publications ADD PRIMARY KEY (id);
CREATE INDEX publications_case ON publications (case_id);
