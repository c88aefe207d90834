-- Libraries imported from elsewhere (an agency or the national programme migrating, test corpora)
-- are published without review: they have no report of ours, may lack a title, and are known by
-- the reference they came with, which makes importing them again change nothing.
alter table publication add column external_ref varchar(200);
alter table publication add constraint publication_external_ref_unique unique (external_ref);
alter table publication alter column report_id drop not null;
alter table publication alter column title drop not null;
