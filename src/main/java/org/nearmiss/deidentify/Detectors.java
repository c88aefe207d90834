package org.nearmiss.deidentify;

import java.util.List;

/**
 * Every detector the assistant runs, in one place. Each finds one family of identifying words and
 * says why it marked them; the lists they read are in {@code src/main/resources/deidentify/}.
 */
final class Detectors {

    private Detectors() {}

    /** The detectors, built once on first use (the name lists are read then, not at start). */
    static List<Detector> all() {
        return List.of(
                new PersonNames(), // people, and the towns, streets and firms that read like them
                new StreetAddresses(), // house numbers, streets, intersections, mile markers, postcodes
                new Places(), // features, incidents and "City of ..." named with ordinary words
                new Agencies(), // police, sheriff's and fire agencies by name
                new ContactDetails(), // e-mail addresses and phone numbers
                new DatesAndTimes(), // dates, weekdays, years, clock times
                new IdentityNumbers(), // cards, IBANs, SSNs, licences, VINs, IP and web addresses
                new ReferenceNumbers(), // badge, unit, case and plate numbers by the words before them
                new Ages()); // ages
    }
}
