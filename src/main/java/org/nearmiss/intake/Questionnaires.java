package org.nearmiss.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every questionnaire version, read at start from {@code questionnaire/v<N>.yaml} and checked for
 * sense (unique ids, options where needed, at most three steps) so a bad edit fails the start, not a
 * reporter. The highest version is the one the form shows; older ones stay for reports filed on them
 * and for apps that have not caught up.
 */
@Component
public class Questionnaires {

    static final String LOCATION = "classpath:questionnaire/v*.yaml";
    private static final Pattern FILE_NAME = Pattern.compile("v(\\d+)\\.yaml");
    private static final int MAX_STEPS = 3;

    private final NavigableMap<Integer, Questionnaire> versions;

    public Questionnaires() {
        this(readAll());
    }

    Questionnaires(List<Questionnaire> questionnaires) {
        NavigableMap<Integer, Questionnaire> byVersion = new TreeMap<>();
        for (Questionnaire questionnaire : questionnaires) {
            checkSense(questionnaire);
            if (byVersion.put(questionnaire.version(), questionnaire) != null) {
                throw new IllegalStateException(
                        "Questionnaire version " + questionnaire.version() + " is defined twice");
            }
        }
        if (byVersion.isEmpty()) {
            throw new IllegalStateException("No questionnaire found at " + LOCATION);
        }
        this.versions = byVersion;
    }

    /** The version the form shows and new reports should use. */
    public Questionnaire current() {
        return versions.lastEntry().getValue();
    }

    /** A given version. */
    public Questionnaire version(Integer version) {
        Questionnaire questionnaire = version == null ? null : versions.get(version);
        if (questionnaire == null) {
            throw new QuestionnaireUnknown(version);
        }
        return questionnaire;
    }

    private static List<Questionnaire> readAll() {
        YAMLMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            return java.util.Arrays.stream(resources)
                    .map(resource -> read(yaml, resource))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the questionnaires", e);
        }
    }

    private static Questionnaire read(YAMLMapper yaml, Resource resource) {
        Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
        if (!name.matches()) {
            throw new IllegalStateException("Questionnaire files are named v<N>.yaml: " + resource.getFilename());
        }
        try (InputStream in = resource.getInputStream()) {
            Questionnaire questionnaire = yaml.readValue(in, Questionnaire.class);
            if (questionnaire.version() != Integer.parseInt(name.group(1))) {
                throw new IllegalStateException(
                        resource.getFilename() + " declares version " + questionnaire.version());
            }
            return questionnaire;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource.getFilename(), e);
        }
    }

    private static void checkSense(Questionnaire questionnaire) {
        String where = "Questionnaire v" + questionnaire.version() + ": ";
        if (questionnaire.steps().isEmpty() || questionnaire.steps().size() > MAX_STEPS) {
            throw new IllegalStateException(where + "the form has one to three steps");
        }
        Set<Integer> steps = new HashSet<>();
        questionnaire.steps().forEach(s -> steps.add(s.number()));
        Set<String> ids = new HashSet<>();
        for (Question q : questionnaire.questions()) {
            if (q.id() == null || !q.id().matches("[a-z][A-Za-z0-9]*") || !ids.add(q.id())) {
                throw new IllegalStateException(where + "question ids are unique camelCase words: " + q.id());
            }
            if (q.type() == null || q.label() == null || !steps.contains(q.step())) {
                throw new IllegalStateException(where + q.id() + " needs a type, a label and a known step");
            }
            boolean choice = q.type() == QuestionType.SINGLE || q.type() == QuestionType.MULTI;
            if (choice == q.options().isEmpty()) {
                throw new IllegalStateException(where + q.id() + ": options go with single and multi questions only");
            }
            Set<String> values = new HashSet<>();
            q.options().forEach(o -> {
                if (!values.add(o.value())) {
                    throw new IllegalStateException(where + q.id() + " repeats option " + o.value());
                }
            });
        }
    }
}
