package org.nearmiss.deidentify;

/** What a marked span looks like: the kinds of identifying detail the assistant looks for. */
public enum Kind {
    PERSON("a person's name"),
    AGENCY("an agency or organisation"),
    BADGE_OR_UNIT("a badge, unit or call-sign number"),
    CASE_NUMBER("a case or incident number"),
    PLATE("a vehicle plate or VIN"),
    PHONE("a phone number"),
    EMAIL("an e-mail address"),
    ADDRESS("an address"),
    PLACE("a place"),
    DATE("an exact date"),
    TIME("an exact time"),
    AGE("an age"),
    ID_NUMBER("an identity or account number"),
    WEB_ADDRESS("a web address");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The kind in words, for people: "a person's name". */
    public String label() {
        return label;
    }
}
