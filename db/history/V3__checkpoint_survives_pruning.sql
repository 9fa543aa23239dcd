-- The inbox marks in applied_events are also the projection's checkpoint (V2): how many events it applied and the
-- last one. The retention job prunes old marks (ADR 0033); so that the checkpoint reads the same before and after,
-- whatever deletes marks adds their number here, and remembers the newest of them, in the deleting transaction.
ALTER TABLE projection_state ADD COLUMN pruned_events BIGINT NOT NULL DEFAULT 0;
ALTER TABLE projection_state ADD COLUMN pruned_last_event_id UUID;
ALTER TABLE projection_state ADD COLUMN pruned_last_event_type VARCHAR(200);
ALTER TABLE projection_state ADD COLUMN pruned_last_applied_at TIMESTAMP WITH TIME ZONE;

CREATE FUNCTION count_pruned_events() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path FROM CURRENT AS
$$
BEGIN
    UPDATE projection_state state
    SET pruned_events          = state.pruned_events + pruned.n,
        pruned_last_event_id   = CASE WHEN newest.applied_at > state.pruned_last_applied_at OR state.pruned_last_applied_at IS NULL
                                      THEN newest.event_id ELSE state.pruned_last_event_id END,
        pruned_last_event_type = CASE WHEN newest.applied_at > state.pruned_last_applied_at OR state.pruned_last_applied_at IS NULL
                                      THEN newest.event_type ELSE state.pruned_last_event_type END,
        pruned_last_applied_at = GREATEST(state.pruned_last_applied_at, newest.applied_at)
    FROM (SELECT count(*) AS n FROM pruned_marks) pruned,
         (SELECT event_id, event_type, applied_at FROM pruned_marks ORDER BY applied_at DESC LIMIT 1) newest
    WHERE state.projection = 'order-history';
    RETURN NULL;
END;
$$;

CREATE TRIGGER applied_events_pruned
    AFTER DELETE ON applied_events
    REFERENCING OLD TABLE AS pruned_marks
    FOR EACH STATEMENT EXECUTE FUNCTION count_pruned_events();
