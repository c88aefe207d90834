-- Accounts of staff, agency coordinators and verified readers. Reporters never have one, and no
-- table links an account to a report.
create table account (
    id                uuid         primary key,
    email             varchar(254) not null,   -- lower case
    display_name      varchar(100) not null,
    role              varchar(16)  not null,
    password_hash     varchar(200) not null,
    totp_secret       bytea,                    -- sealed under totp_key; null until enrolled
    totp_key          bytea,                    -- the account's data key, wrapped by the master key
    totp_last_step    bigint       not null default 0,  -- a code is never accepted twice
    enabled           boolean      not null,
    failed_logins     integer      not null default 0,
    locked_until      timestamp,
    created_on        date         not null,
    constraint account_email_unique unique (email)
);

-- Recovery codes for a lost authenticator: only hashes, each used once.
create table account_recovery_code (
    account_id uuid        not null references account (id),
    code_hash  varchar(64) not null,
    primary key (account_id, code_hash)
);

-- Single-use links: the first admin's set-up link and invitations. Only hashes are stored.
create table account_invitation (
    token_hash varchar(64)  primary key,
    role       varchar(16)  not null,
    email      varchar(254),             -- null for the first admin
    invited_by varchar(254) not null,
    expires_at timestamp    not null
);

-- The tamper-evident audit log: each entry carries the hash of the one before it.
create table audit_entry (
    seq           bigint       primary key,
    at            timestamp    not null,
    actor         varchar(254) not null,
    action        varchar(64)  not null,
    subject       varchar(300),
    previous_hash varchar(64)  not null,
    hash          varchar(64)  not null
);

-- The head of the chain: one row, locked by each append so entries are numbered without gaps on every node.
create table audit_head (
    id   integer     primary key,
    seq  bigint      not null,
    hash varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Spring Session's tables (its JDBC schema), so staff sessions are shared by every app node.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval integer      not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
