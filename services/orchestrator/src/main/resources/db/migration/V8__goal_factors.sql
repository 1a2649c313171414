-- Goals name the factors they ask about: the family's parameters the researcher named, as a JSON array of names.
-- NULL for goals created before, and for goals that named none (ideation infers them from the question).
ALTER TABLE goals ADD COLUMN factors jsonb;
