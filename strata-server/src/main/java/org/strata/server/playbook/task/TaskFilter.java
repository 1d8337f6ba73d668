package org.strata.server.playbook.task;

import java.time.LocalDate;

/**
 * Which tasks a list shows; every part is optional.
 *
 * @param owner  a user id
 * @param team   a team id, its groups included
 * @param state  due, overdue, done or cancelled; blank = every open task
 * @param dueBy  due on or before this day (in the business time zone)
 */
public record TaskFilter(Long owner, Long team, Long customer, String state, LocalDate dueBy) {
}
