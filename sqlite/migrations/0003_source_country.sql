-- dyad store schema, version 3: events by source country in date order
-- (version 2's events_dyad index leads with it but sorts by target first).
CREATE INDEX events_source_country ON events (source_country, date);
