-- Password reset links: single use, short-lived, only hashes stored.
create table password_reset (
    token_hash varchar(64) primary key,
    account_id uuid        not null references account (id),
    expires_at timestamp   not null
);
