-- A deleted endpoint keeps its row (soft delete), so the delivery cascade never runs and its
-- log stays whole with its pending deliveries marked cancelled; every query filters on it.
alter table endpoint add column deleted_at timestamptz;

-- The secret a rotation replaced, sealed like the current one, signing beside it until
-- previous_secret_expires_at.
alter table endpoint add column previous_secret_key_id text;
alter table endpoint add column previous_secret_sealed bytea;
alter table endpoint add column previous_secret_expires_at timestamptz;
alter table endpoint add constraint endpoint_previous_secret_whole check (
    (previous_secret_key_id is null) = (previous_secret_sealed is null)
    and (previous_secret_sealed is null) = (previous_secret_expires_at is null));

