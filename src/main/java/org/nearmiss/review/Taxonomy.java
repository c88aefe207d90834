package org.nearmiss.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.Questionnaires;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contributing-factor taxonomy reviewers code with, modelled on HFACS, read from versioned data
 * ({@code review/taxonomy-v1.yaml}) and checked at start against the questionnaire: every factor a
 * reporter can tick maps to at least one code, so a reviewer always starts from suggestions.
 */
@Component
public class Taxonomy {

    static final String LOCATION = "review/taxonomy-v1.yaml";
    static final String FACTORS_QUESTION = "factors";

    /** The taxonomy as data. */
    public record Data(int version, List<Level> levels) {}

    public record Level(String id, String label, String help, List<Code> codes) {
        public Level {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }
    }

    public record Code(String id, String label, String help, List<String> factors) {
        public Code {
            factors = factors == null ? List.of() : List.copyOf(factors);
        }
    }

    private final Data data;

    @Autowired
    Taxonomy(Questionnaires questionnaires) {
        this(
                read(),
                questionnaires.current().question(FACTORS_QUESTION).map(Question::options).orElse(List.of()).stream()
                        .map(Question.Option::value)
                        .filter(value -> !value.equals("other"))
                        .toList());
    }

    Taxonomy(Data data, Collection<String> questionnaireFactors) {
        this.data = data;
        checkSense(questionnaireFactors);
    }

    public int version() {
        return data.version();
    }

    public List<Level> levels() {
        return data.levels();
    }

    public Optional<Code> code(String id) {
        return data.levels().stream()
                .flatMap(level -> level.codes().stream())
                .filter(code -> code.id().equals(id))
                .findFirst();
    }

    /** Whether this is one of the taxonomy's codes. */
    public boolean knows(String id) {
        return code(id).isPresent();
    }

    /** How a code reads, or the id itself for a code no longer in the taxonomy. */
    public String labelOf(String id) {
        return code(id).map(Code::label).orElse(id);
    }

    /** The codes suggested by the factors the reporter ticked, in taxonomy order. */
    public List<String> suggestedFor(Collection<String> factors) {
        Set<String> suggested = new LinkedHashSet<>();
        for (Level level : data.levels()) {
            for (Code code : level.codes()) {
                if (code.factors().stream().anyMatch(factors::contains)) {
                    suggested.add(code.id());
                }
            }
        }
        return List.copyOf(suggested);
    }

    /** Only known codes, each once, in taxonomy order. */
    public List<String> known(Collection<String> codes) {
        List<String> known = new ArrayList<>();
        for (Level level : data.levels()) {
            for (Code code : level.codes()) {
                if (codes.contains(code.id())) {
                    known.add(code.id());
                }
            }
        }
        return known;
    }

    private void checkSense(Collection<String> questionnaireFactors) {
        Set<String> ids = new HashSet<>();
        Set<String> mapped = new HashSet<>();
        for (Level level : data.levels()) {
            for (Code code : level.codes()) {
                if (!ids.add(code.id())) {
                    throw new IllegalStateException("Taxonomy code " + code.id() + " is defined twice");
                }
                for (String factor : code.factors()) {
                    if (!questionnaireFactors.contains(factor)) {
                        throw new IllegalStateException(
                                "Taxonomy code " + code.id() + " maps the unknown factor " + factor);
                    }
                    mapped.add(factor);
                }
            }
        }
        List<String> unmapped = questionnaireFactors.stream()
                .filter(factor -> !mapped.contains(factor))
                .toList();
        if (!unmapped.isEmpty()) {
            throw new IllegalStateException("Questionnaire factors without a taxonomy code: " + unmapped);
        }
    }

    private static Data read() {
        YAMLMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return yaml.readValue(in, Data.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + LOCATION, e);
        }
    }
}
