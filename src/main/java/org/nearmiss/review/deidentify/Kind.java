package org.nearmiss.review.deidentify;

/** What a marked span looks like: the kinds of identifying detail the assistant looks for. */
public enum Kind {
    PERSON,
    AGENCY,
    BADGE_OR_UNIT,
    CASE_NUMBER,
    PLATE,
    PHONE,
    EMAIL,
    ADDRESS,
    PLACE,
    DATE,
    TIME,
    AGE,
    ID_NUMBER,
    WEB_ADDRESS
}
