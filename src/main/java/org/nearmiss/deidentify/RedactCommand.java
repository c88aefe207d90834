package org.nearmiss.deidentify;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nearmiss.system.NearmissCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code redact}: reads JSON lines {@code {"id", "text"}} on standard input and writes
 * {@code {"id", "spans": [{"start", "end", "type", "replacement"}]}} lines on standard output, one
 * per input line, without starting the web server. A line that cannot be read is reported on
 * standard error by its number, and the rest go on; the exit code is 1 if any line was bad.
 */
@Component
@CommandLine.Command(
        name = "redact",
        description = "Suggests redactions for JSON lines {\"id\",\"text\"} read on stdin.")
class RedactCommand implements NearmissCommand {

    private final Deidentifier deidentifier;
    private final JsonMapper json = JsonMapper.builder().build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    RedactCommand(Deidentifier deidentifier) {
        this.deidentifier = deidentifier;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return redact(in, out, err);
    }

    /** One output line, fields in the documented order. */
    record Line(Object id, List<Span> spans) {}

    record Span(int start, int end, String type, String replacement, String why) {}

    int redact(BufferedReader in, PrintWriter out, PrintWriter err) throws java.io.IOException {
        int bad = 0;
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode item = json.readTree(line);
                JsonNode text = item.get("text");
                if (text == null || !text.isString()) {
                    throw new IllegalArgumentException("no \"text\" string");
                }
                Object id = item.has("id") ? json.treeToValue(item.get("id"), Object.class) : null;
                List<Span> spans = deidentifier.suggest(text.asString()).stream()
                        .map(x -> new Span(x.start(), x.end(), x.kind().name(), x.replacement(), x.reason()))
                        .toList();
                Line result = new Line(id, spans);
                out.println(json.writeValueAsString(result));
            } catch (RuntimeException e) {
                bad++;
                // Only the line number and what was wrong: never the text, which may name someone.
                err.println("line " + number + ": not a JSON object with a \"text\" string");
            }
        }
        out.flush();
        return bad == 0 ? 0 : 1;
    }
}
