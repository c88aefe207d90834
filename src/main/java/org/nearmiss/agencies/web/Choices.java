package org.nearmiss.agencies.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nearmiss.agencies.Agency;
import org.nearmiss.agencies.AgencyStates;

/** The options of the agency forms, value to label, in the order shown. */
final class Choices {

    private Choices() {}

    static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        Arrays.stream(Agency.Kind.values()).forEach(k -> kinds.put(k.name(), k.label()));
        return kinds;
    }

    static Map<String, String> sizes() {
        Map<String, String> sizes = new LinkedHashMap<>();
        Arrays.stream(Agency.SizeBand.values()).forEach(s -> sizes.put(s.name(), s.label()));
        return sizes;
    }

    static Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        AgencyStates.byName().forEach(states::put);
        return states;
    }
}
