-- The epoch under which new data keys are wrapped, shared by every node (system/KeyRotation): its
-- number, the day it started, a fingerprint of its key (never the key: each node keeps the epoch key
-- in a file of its own) and whether keys were destroyed since it started.
create table key_epoch (
    id             integer     primary key,
    epoch          bigint      not null,
    started_on     date        not null,
    fingerprint    varchar(32) not null,
    keys_destroyed boolean     not null
);
