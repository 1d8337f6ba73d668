package org.strata.server.customer;

import java.util.List;

/** A page of the time line, newest first. */
public record TimelinePage(List<TimelineEntry> items, int page, int size, boolean hasNext) {
}
