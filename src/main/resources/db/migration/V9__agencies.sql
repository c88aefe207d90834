-- Participating agencies. An agency asks to join (anyone may ask, on behalf of an agency); an admin
-- approves or declines. Nothing here is about a reporter.
create table agency (
    id            uuid         primary key,
    name          varchar(200) not null,
    kind          varchar(32)  not null,   -- municipal, sheriff, state, tribal, federal, campus, transit, other
    size_band     varchar(16)  not null,   -- officers: 1-10, 11-50, 51-200, 201-1000, over-1000
    state         varchar(2)   not null,   -- USPS code
    status        varchar(16)  not null,   -- PENDING, ACTIVE, DECLINED
    asked_on      date         not null,
    decided_on    date,
    decided_by    varchar(254),
    decline_reason varchar(2000),
    note          varchar(2000)            -- what the applicant wrote to the admins
);
create index agency_status on agency (status, asked_on);

-- The people who coordinate an agency's participation, by e-mail (lower case): an invitation makes
-- their coordinator account, and the address ties the account to the agency.
create table agency_coordinator (
    agency_id    uuid         not null references agency (id),
    email        varchar(254) not null,
    display_name varchar(100) not null,
    primary key (agency_id, email)
);
create index agency_coordinator_email on agency_coordinator (email);

-- Agency codes officers may enter on the form. One is current per agency; rotating retires it at
-- once (a retired code is answered with a clear message, never matched).
create table agency_code (
    code       varchar(32) primary key,    -- upper case
    agency_id  uuid        not null references agency (id),
    created_on date        not null,
    retired_on date
);
create index agency_code_agency on agency_code (agency_id);

-- Readers a coordinator brought in, counted per agency for the programme's participation figures.
create table agency_reader_invitation (
    agency_id  uuid    not null references agency (id),
    invited_in varchar(7) not null,   -- YYYY-MM
    invited    integer not null,
    primary key (agency_id, invited_in)
);

-- A report filed with a current agency code counts for that agency; so does its publication. The
-- typed code itself is not kept.
alter table report add column agency_id uuid;
alter table publication add column agency_id uuid;

-- Analyses an agency's coordinators ask for, and the thread with the analysts who answer them.
create table analysis_request (
    id         uuid          primary key,
    agency_id  uuid          not null references agency (id),
    title      varchar(200)  not null,
    status     varchar(16)   not null,   -- OPEN, ANSWERED, CLOSED
    asked_on   date          not null,
    updated_on date          not null
);
create index analysis_request_agency on analysis_request (agency_id, updated_on);
create index analysis_request_status on analysis_request (status, updated_on);

create table analysis_request_message (
    request_id      uuid          not null references analysis_request (id),
    position        integer       not null,
    author_role     varchar(16)   not null,   -- COORDINATOR or ANALYST
    author_name     varchar(100)  not null,
    sent_on         date          not null,
    body            varchar(5000) not null,
    attachment_name varchar(100),
    attachment_type varchar(64),
    attachment      bytea,
    primary key (request_id, position)
);
