/**
 * Experiment reports: treated against held-out entrants of a playbook, or the members of two tiers, with intervals
 * and tests. A named interface so the web console may draw the reports.
 */
@NamedInterface("experiment")
package org.strata.server.playbook.experiment;

import org.springframework.modulith.NamedInterface;
