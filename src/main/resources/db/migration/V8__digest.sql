-- Readers who asked for the weekly digest, and the last publication each has been sent.
create table digest_subscription (
    account_id    uuid    primary key,
    last_sequence bigint  not null
);
