package org.nearmiss.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the axe-core engine in the page a browser shows and lists what breaks WCAG 2.2 A and AA. */
public final class Accessibility {

    private static final String TAGS = "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa','best-practice']";
    private static final String AXE = readAxe();

    private Accessibility() {}

    /** Each violation as "rule (impact): the elements it was found on". */
    public static List<String> violations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(AXE);
        String result = (String) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + TAGS + "}})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('error: ' + e); });");
        if (result == null || result.startsWith("error")) {
            throw new IllegalStateException("axe did not run: " + result);
        }
        List<String> violations = new ArrayList<>();
        for (JsonNode v : JsonMapper.builder().build().readTree(result)) {
            List<String> targets = new ArrayList<>();
            v.get("nodes").forEach(n -> targets.add(n.get("target").toString()));
            violations.add(v.get("id").asString() + " (" + v.get("impact").asString() + "): " + targets);
        }
        return violations;
    }

    private static String readAxe() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
