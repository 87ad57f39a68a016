-- dyad store schema, version 3 (PostgreSQL; keep in step with sqlite/migrations):
-- events by source country in date order.
CREATE INDEX events_source_country ON events (source_country, date, id);
