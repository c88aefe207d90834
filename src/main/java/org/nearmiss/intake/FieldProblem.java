package org.nearmiss.intake;

/** What is wrong with one answer: the question id and a message a reporter can act on. */
public record FieldProblem(String field, String message) {}
