package org.nearmiss.system.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The route rules of {@code security/routes.yaml}: every route with who may use it. */
public record Routes(List<Rule> rules) {

    static final String LOCATION = "security/routes.yaml";

    /** Who may use a route. */
    public sealed interface Access {
        /** Anyone, statelessly: the reporter's routes. */
        record Reporter() implements Access {}

        /** Anyone; sessions allowed. */
        record Anyone() implements Access {}

        /** Any signed-in account. */
        record SignedIn() implements Access {}

        /** Signed-in accounts with one of these role names. */
        record Roles(Set<String> names) implements Access {}
    }

    /**
     * One rule.
     *
     * @param methods the methods it covers; empty for any
     */
    public record Rule(Set<HttpMethod> methods, String path, Access access) {

        public boolean covers(HttpMethod method, String requestPath) {
            PathPattern pattern = PathPatternParser.defaultInstance.parse(path);
            return (methods.isEmpty() || methods.contains(method))
                    && pattern.matches(org.springframework.http.server.PathContainer.parsePath(requestPath));
        }

        public boolean reporter() {
            return access instanceof Access.Reporter;
        }
    }

    private record Entry(
            @JsonProperty("route") String route,
            @JsonProperty("access") String access) {}

    public static Routes load() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            List<Entry> entries = YAMLMapper.builder().build().readValue(in, new TypeReference<List<Entry>>() {});
            return new Routes(entries.stream().map(Routes::rule).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }

    private static Rule rule(Entry entry) {
        String[] words = entry.route().trim().split("\\s+");
        if (words.length < 2 || !words[words.length - 1].startsWith("/")) {
            throw new IllegalStateException(LOCATION + ": a route is methods then a path: " + entry.route());
        }
        String path = words[words.length - 1];
        Set<HttpMethod> methods = Arrays.stream(words, 0, words.length - 1)
                .filter(m -> !m.equals("ANY"))
                .map(HttpMethod::valueOf)
                .collect(Collectors.toUnmodifiableSet());
        return new Rule(methods, path, access(entry.access(), entry.route()));
    }

    private static Access access(String access, String route) {
        if (access == null || access.isBlank()) {
            throw new IllegalStateException(LOCATION + ": no access for " + route);
        }
        return switch (access.strip()) {
            case "reporter" -> new Access.Reporter();
            case "anyone" -> new Access.Anyone();
            case "signed-in" -> new Access.SignedIn();
            default ->
                new Access.Roles(Arrays.stream(access.split(","))
                        .map(r -> r.strip().toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()));
        };
    }

    /** The rules for the reporter's stateless routes. */
    public List<Rule> reporterRules() {
        return rules.stream().filter(Rule::reporter).toList();
    }
}
