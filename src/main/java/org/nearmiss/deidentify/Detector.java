package org.nearmiss.deidentify;

import java.util.List;

/**
 * One way of finding identifying words: people's names, street addresses, identity numbers... Each
 * returns every candidate it sees, overlapping ones included, each saying why it was marked; the
 * {@link Deidentifier} settles overlaps. A detector takes time linear in the length of the text
 * ({@code DeidentifierGrowthTests}). They are listed in one place, {@link Detectors}.
 */
interface Detector {

    List<Suggestion> find(String text);
}
