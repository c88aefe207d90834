-- The near miss of the week, chosen by staff: one per week, the Monday it starts.
create table featured_report (
    week_start date        primary key,
    public_id  varchar(20) not null
);
