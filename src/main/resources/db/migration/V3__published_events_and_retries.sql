-- Events published by other services: who published them, under which idempotency key.
alter table event add column publisher text;
alter table event add column idempotency_key text;
create index event_idempotency on event (publisher, idempotency_key, created_at)
    where idempotency_key is not null;

-- Retries: the step of the schedule a delivery is on, restarted by a recovery.
alter table delivery add column schedule_step integer not null default 0;

-- An endpoint failing without a break since this time; cleared by any success.
alter table endpoint add column failing_since timestamptz;
alter table endpoint add column disabled_reason text;
