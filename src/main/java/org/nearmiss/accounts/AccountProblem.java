package org.nearmiss.accounts;

import java.util.List;

/** Input to an account flow that cannot be accepted, by form field; nothing was changed. */
public class AccountProblem extends RuntimeException {

    /** One field's problem. */
    public record Field(String field, String message) {}

    private final List<Field> fields;

    public AccountProblem(String field, String message) {
        this(List.of(new Field(field, message)));
    }

    public AccountProblem(List<Field> fields) {
        super(fields.getFirst().message());
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }
}
