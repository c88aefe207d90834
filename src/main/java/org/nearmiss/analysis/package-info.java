/**
 * Analysis over de-identified, published near misses only: similar incidents by meaning, wording and
 * coded circumstances (including those of a different call type that share a pattern), and the
 * statistics of contributing factors with the analysts' dashboard. Its index of vectors is derived data in the data dir, kept in
 * step with the publications as the library's search index is.
 */
@ApplicationModule(
        displayName = "Analysis",
        allowedDependencies = {"system", "review", "intake", "library", "accounts"})
package org.nearmiss.analysis;

import org.springframework.modulith.ApplicationModule;
