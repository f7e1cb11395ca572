-- Endpoints registered by owners, with their signing secret sealed (AES-256-GCM).
create table endpoint (
    id             text primary key,
    seq            bigint generated always as identity unique,
    owner          text not null,
    url            text not null,
    events         text[] not null,
    active         boolean not null default true,
    secret_key_id  text not null,
    secret_sealed  bytea not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index endpoint_owner_seq on endpoint (owner, seq);

-- Events as serialised once: body holds the exact bytes that are signed and sent.
create table event (
    id          text primary key,
    owner       text not null,
    type        text not null,
    body        text not null,
    test        boolean not null,
    created_at  timestamptz not null
);

-- One delivery of one event to one endpoint, and its state.
create table delivery (
    id                text primary key,
    seq               bigint generated always as identity unique,
    owner             text not null,
    endpoint_id       text not null references endpoint (id) on delete cascade,
    event_id          text not null references event (id),
    event_type        text not null,
    status            text not null
        check (status in ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    attempts          integer not null default 0,
    last_status_code  integer,
    next_attempt_at   timestamptz,
    claimed_until     timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);
create index delivery_endpoint_seq on delivery (endpoint_id, seq);
create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';

-- Every attempt of a delivery, as the receiver answered it.
create table attempt (
    id                bigint generated always as identity primary key,
    delivery_id       text not null references delivery (id) on delete cascade,
    attempted_at      timestamptz not null,
    duration_ms       integer not null,
    status_code       integer,
    error             text,
    response_headers  text,
    response_body     text
);
create index attempt_delivery on attempt (delivery_id, id);
