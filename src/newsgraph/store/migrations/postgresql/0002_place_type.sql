-- A place may be a state (type GPE), listed among the actors too.
ALTER TABLE places ADD COLUMN type TEXT;
