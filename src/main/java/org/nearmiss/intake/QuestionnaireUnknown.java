package org.nearmiss.intake;

/** A report named a questionnaire version this system does not have. */
public class QuestionnaireUnknown extends RuntimeException {

    public QuestionnaireUnknown(Integer version) {
        super("There is no questionnaire version " + version);
    }
}
