-- The projection's checkpoint (last event applied, how many) is read from applied_events, which every delivery
-- writes anyway, instead of from one projection_state row that every delivery updated: that row's lock made
-- the projection's deliveries wait for each other (ADR 0022). The old columns are no longer written; they stay
-- until no instance of the previous version can be running, and are dropped by a later migration.
CREATE INDEX applied_events_by_time ON applied_events (applied_at DESC);

COMMENT ON COLUMN projection_state.last_event_id IS 'no longer written: see applied_events';
COMMENT ON COLUMN projection_state.last_event_type IS 'no longer written: see applied_events';
COMMENT ON COLUMN projection_state.last_applied_at IS 'no longer written: see applied_events';
COMMENT ON COLUMN projection_state.events_applied IS 'no longer written: see applied_events';
