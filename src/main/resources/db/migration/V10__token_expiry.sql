-- Every API token expires. Tokens made before expiry existed get 90 days from this upgrade.
alter table api_token add column expires_on date;
update api_token set expires_on = cast(current_date + interval '90' day as date);
alter table api_token alter column expires_on set not null;
