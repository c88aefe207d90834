/**
 * What every capability stands on and none owns: sealing free text at rest (a data key per report
 * wrapped by the master key), throttling floods without keeping who sent them, security headers and
 * the route rules, and RFC 9457 problem details for every failure.
 */
@ApplicationModule(displayName = "System")
package org.nearmiss.system;

import org.springframework.modulith.ApplicationModule;
