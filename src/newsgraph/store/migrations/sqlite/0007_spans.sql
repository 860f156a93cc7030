-- Timelines from a date: the happenings that span several days, indexed by their last day,
-- tell how far before the date a timeline must start reading (the day index gives the rest).
CREATE INDEX event_clusters_spans ON event_clusters(day_end, day) WHERE day_end > day;
