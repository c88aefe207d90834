package org.nearmiss.intake;

/**
 * Words in a reporter's answer that look identifying, shown to the reporter before sending.
 *
 * @param question the question's id
 * @param questionLabel the question as the form asks it
 * @param start where the words start in the answer
 * @param end where they end
 * @param words the words themselves (the reporter's own, shown back to them only)
 * @param kind what they look like, in words ("a person's name")
 * @param replacement what a reviewer would put instead
 * @param why why the assistant thinks so ("a known first name before a known surname")
 */
public record Identifying(
        String question,
        String questionLabel,
        int start,
        int end,
        String words,
        String kind,
        String replacement,
        String why) {}
