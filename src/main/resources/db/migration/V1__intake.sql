-- Filed reports. No column holds anything about the reporter or the instant of filing:
-- the id is random, the key is stored only as a hash, and filed_on is the day.
create table report (
    id                    uuid          primary key,
    key_hash              varchar(64)   not null,
    questionnaire_version integer       not null,
    filed_on              date          not null,
    state                 varchar(32)   not null,
    coded_answers         varchar(8000) not null,  -- JSON of choices, numbers and months
    sealed_text           bytea         not null,  -- AES-GCM under the report's data key
    constraint report_key_hash_unique unique (key_hash)
);

-- One data key per report, wrapped by the master key. Deleting the row shreds the report's text.
create table report_data_key (
    report_id     uuid        primary key references report (id),
    master_key_id varchar(16) not null,
    wrapped_key   bytea       not null
);

-- The thread between reviewers and the anonymous reporter; bodies sealed like the report's text.
create table report_message (
    report_id   uuid        not null references report (id),
    position    integer     not null,
    author      varchar(16) not null,
    sent_on     date        not null,
    sealed_body bytea       not null,
    primary key (report_id, position)
);
