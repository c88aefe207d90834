package org.nearmiss.intake;

import java.util.List;

/** The answers given do not fit the questionnaire; nothing was stored. */
public class AnswersInvalid extends RuntimeException {

    private final List<FieldProblem> problems;

    public AnswersInvalid(List<FieldProblem> problems) {
        super(problems.size() + " answer(s) need attention");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
