package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactCommandTests {

    private final RedactCommand command = new RedactCommand(new Deidentifier());

    @Test
    void eachJsonLineGetsItsSpansAndBadLinesAreNamedByNumberWithoutTheirText() throws Exception {
        String input = """
                {"id": "a1", "text": "Call (555) 123-4567 now."}
                {"id": 7, "text": "Nothing to hide here."}
                not json at all, Officer Smith
                {"id": "x"}
                """;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit =
                command.redact(new BufferedReader(new StringReader(input)), new PrintWriter(out), new PrintWriter(err));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString().lines().toList())
                .containsExactly(
                        "{\"id\":\"a1\",\"spans\":[{\"start\":5,\"end\":19,\"type\":\"PHONE\",\"replacement\":\"[PHONE]\",\"why\":"
                                + "\"a phone number: 7 to 15 digits in the groups phone numbers are written in\"}]}",
                        "{\"id\":7,\"spans\":[]}");
        assertThat(err.toString()).contains("line 3").contains("line 4").doesNotContain("Smith");
    }
}
