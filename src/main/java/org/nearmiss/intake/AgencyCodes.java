package org.nearmiss.intake;

import java.util.Optional;
import java.util.UUID;

/**
 * What an agency code on the form stands for, answered by the module that keeps participating
 * agencies. A report filed with a current code counts for that agency; the typed code is not kept.
 */
public interface AgencyCodes {

    /** The agency whose current code this is (case and surrounding blanks do not matter). */
    Optional<UUID> agencyOf(String code);
}
