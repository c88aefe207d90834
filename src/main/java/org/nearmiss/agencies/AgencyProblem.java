package org.nearmiss.agencies;

import java.util.List;
import org.nearmiss.intake.FieldProblem;

/** Something asked of the agencies module that cannot be done; each problem names its field. */
public class AgencyProblem extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public AgencyProblem(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public AgencyProblem(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "" : problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The message for a field, or {@code null}. */
    public String problemOf(String field) {
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(FieldProblem::message)
                .findFirst()
                .orElse(null);
    }
}
