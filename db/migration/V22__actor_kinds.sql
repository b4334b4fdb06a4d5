-- Audit entries and revisions name their actor as {type: PERSON|API_KEY|SYSTEM, id, name} and, for a
-- key, the person it belongs to, with the names as they were at the time. Rows written before this
-- have no type: their actor was a key, or the system when actor_id is null (ActorRef.stored), so
-- nothing is rewritten.
ALTER TABLE audit_log
    ADD COLUMN actor_type        text CHECK (actor_type IN ('PERSON', 'API_KEY', 'SYSTEM')),
    ADD COLUMN actor_person_id   uuid,
    ADD COLUMN actor_person_name text;
-- ?actor= finds what a person did, in person and through their keys
CREATE INDEX audit_log_by_actor_person ON audit_log (actor_person_id, id DESC) WHERE actor_person_id IS NOT NULL;

ALTER TABLE article_revisions
    ADD COLUMN actor_type        text CHECK (actor_type IN ('PERSON', 'API_KEY', 'SYSTEM')),
    ADD COLUMN actor_person_id   uuid,
    ADD COLUMN actor_person_name text;
