-- Personal API tokens (and automation tokens made on the command line, with no account).
-- Only a hash is stored; the token is shown once.
create table api_token (
    id         uuid         primary key,
    account_id uuid         references account (id),
    name       varchar(100) not null,
    role       varchar(16)  not null,
    token_hash varchar(64)  not null,
    created_on date         not null,
    revoked    boolean      not null,
    constraint api_token_hash_unique unique (token_hash)
);
