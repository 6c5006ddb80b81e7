-- The checksum of each model version's files (ModelChecksum: SHA-256 over the SavedModel and
-- rrr-model.json), recorded at registration. A scoring task loads an announced model only when
-- it is registered, lies under the job's models root, and its files still have this checksum.
-- Versions registered before this migration have none and are refused until registered again.
ALTER TABLE models ADD COLUMN checksum TEXT;
