-- The TIMEX3 mod of a time expression ("late November": END), null when it has none.
ALTER TABLE times ADD COLUMN mod TEXT;
