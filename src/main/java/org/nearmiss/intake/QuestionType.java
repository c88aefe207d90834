package org.nearmiss.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a question is answered; free-text types are sealed at rest, the others are coded values. */
public enum QuestionType {
    @JsonProperty("single")
    SINGLE,
    @JsonProperty("multi")
    MULTI,
    @JsonProperty("number")
    NUMBER,
    /** A month as {@code YYYY-MM}: never a finer date. */
    @JsonProperty("month")
    MONTH,
    @JsonProperty("text")
    TEXT,
    @JsonProperty("longtext")
    LONGTEXT;

    /** Whether answers are the reporter's own words, which may identify someone and are sealed. */
    public boolean isFreeText() {
        return this == TEXT || this == LONGTEXT;
    }
}
