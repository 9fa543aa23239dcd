-- The retry job resubmits through Spring Modulith's FailedEventPublications (ADR 0010), which counts the
-- publications RESUBMITTED and reads those FAILED, both by status alone. Without these the two queries would
-- scan every completed publication kept for a week, every few seconds. Partial, so a publication enters them
-- only while it is failed or resubmitted: the hot path (insert PUBLISHED, complete) adds no index entry.
CREATE INDEX event_publication_failed_idx ON event_publication (publication_date) WHERE status = 'FAILED';
CREATE INDEX event_publication_resubmitted_idx ON event_publication (publication_date) WHERE status = 'RESUBMITTED';
