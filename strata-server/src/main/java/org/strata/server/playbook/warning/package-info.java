/**
 * Churn signals, the scanner that raises and resolves warnings, and the reads the console shows them with.
 * A named interface so the web console may list warnings; the scanner's classes stay package-private.
 */
@NamedInterface("warning")
package org.strata.server.playbook.warning;

import org.springframework.modulith.NamedInterface;
