package org.strata.server.playbook.task;

import java.util.List;

/**
 * An SLA policy for the customers of one tier.
 *
 * @param kind         first_contact (within {@code hours} of entering the tier) or contact_interval (a contact at
 *                     least every {@code hours})
 * @param contactTypes event types that count as a contact (default visit, call); a done task always counts
 */
record SlaPolicyRequest(String scheme, String tier, String kind, Integer hours, List<String> contactTypes,
                        String nameZh, String nameEn) {
}
