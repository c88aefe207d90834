/**
 * The library: published near misses for verified officers. Report pages, full-text search with
 * facets and highlighting over an index of this node's own (derived data, rebuilt from and kept in
 * step with the publications in the database), the reader API, and bulk import of libraries
 * already de-identified elsewhere.
 */
@ApplicationModule(
        displayName = "Library",
        allowedDependencies = {"system", "review", "intake", "accounts", "deidentify"})
package org.nearmiss.library;

import org.springframework.modulith.ApplicationModule;
