-- Each module sees only its own listeners' rows of the shared registry (ADR 0025). Row-level security is
-- switched on here; the policies name the deployment's roles, whose prefix is configuration, so the
-- application applies them after every migration run (RegistryRowAccess). With security on and no policy
-- for a role, that role sees no row at all: a role nobody declared is shut out.
ALTER TABLE event_publication ENABLE ROW LEVEL SECURITY;
ALTER TABLE publication_failures ENABLE ROW LEVEL SECURITY;
