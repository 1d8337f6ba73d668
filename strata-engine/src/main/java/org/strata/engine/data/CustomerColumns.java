package org.strata.engine.data;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The customers and what is known about them besides their orders: the {@link CustomerIndex} that numbers them, the
 * standard attributes, the day they were created, custom fields and tags. A row without a value holds null (or
 * {@link #UNKNOWN_DAY} for the created day). Customers the index gained after the attributes were set (e.g. ids found
 * only in orders) simply have no attributes.
 */
public final class CustomerColumns {

    /** Marks a created day that is not known. */
    public static final int UNKNOWN_DAY = Integer.MIN_VALUE;

    /** The attributes every customer table has, in the order features list them. */
    public enum Attribute {
        REGION, INDUSTRY, OWNER, TYPE
    }

    private final CustomerIndex index;
    private final Map<Attribute, String[]> attributes;
    private final int[] createdDay;
    private final Map<String, String[]> customFields;
    private final Map<String, BitSet> tags;
    private final boolean described;

    private CustomerColumns(CustomerIndex index, Map<Attribute, String[]> attributes, int[] createdDay,
                            Map<String, String[]> customFields, Map<String, BitSet> tags, boolean described) {
        this.index = index;
        this.described = described;
        this.attributes = attributes;
        this.createdDay = createdDay;
        this.customFields = Collections.unmodifiableMap(customFields);
        this.tags = Collections.unmodifiableMap(tags);
    }

    /** Customers known only by id (as when scoring an orders file alone). */
    public static CustomerColumns idsOnly(CustomerIndex index) {
        return new CustomerColumns(index, Map.of(), new int[0], Map.of(), Map.of(), false);
    }

    public static Builder builder(CustomerIndex index) {
        return new Builder(index);
    }

    public CustomerIndex index() {
        return index;
    }

    public int size() {
        return index.size();
    }

    /**
     * Whether the customers themselves were loaded (a customers file or table), not only ids found in orders; only
     * then does a feature table carry attribute and tag columns (all-empty columns would claim knowledge we lack).
     */
    public boolean describesCustomers() {
        return described;
    }

    /** The attribute of {@code row}, or null. */
    public String attribute(Attribute attribute, int row) {
        String[] values = attributes.get(attribute);
        return values != null && row < values.length ? values[row] : null;
    }

    /** The created day of {@code row} as an epoch day, or {@link #UNKNOWN_DAY}. */
    public int createdDay(int row) {
        return row < createdDay.length ? createdDay[row] : UNKNOWN_DAY;
    }

    /** Custom field name -> value by row (null where missing), in the order the fields were first seen. */
    public Map<String, String[]> customFields() {
        return customFields;
    }

    /** Tag -> rows that carry it. */
    public Map<String, BitSet> tags() {
        return tags;
    }

    /** Sets attributes row by row; rows are those of the index, which may still grow. */
    public static final class Builder {
        private final CustomerIndex index;
        private final Map<Attribute, String[]> attributes = new LinkedHashMap<>();
        private int[] createdDay = new int[0];
        private final Map<String, String[]> customFields = new LinkedHashMap<>();
        private final Map<String, BitSet> tags = new LinkedHashMap<>();

        private Builder(CustomerIndex index) {
            this.index = index;
        }

        /** Adds the customer when new and returns its row. */
        public int customer(String id) {
            return index.add(id);
        }

        public Builder attribute(int row, Attribute attribute, String value) {
            String[] values = attributes.computeIfAbsent(attribute, a -> new String[0]);
            values = fit(values, row);
            values[row] = blankToNull(value);
            attributes.put(attribute, values);
            return this;
        }

        public Builder created(int row, LocalDate day) {
            if (row >= createdDay.length) {
                int old = createdDay.length;
                createdDay = Arrays.copyOf(createdDay, capacity(row));
                Arrays.fill(createdDay, old, createdDay.length, UNKNOWN_DAY);
            }
            createdDay[row] = day == null ? UNKNOWN_DAY : (int) day.toEpochDay();
            return this;
        }

        public Builder customField(int row, String field, String value) {
            String[] values = fit(customFields.getOrDefault(field, new String[0]), row);
            values[row] = blankToNull(value);
            customFields.put(field, values);
            return this;
        }

        public Builder tag(int row, String tag) {
            String name = tag.strip();
            if (!name.isEmpty()) {
                tags.computeIfAbsent(name, t -> new BitSet()).set(row);
            }
            return this;
        }

        public CustomerColumns build() {
            return new CustomerColumns(index, attributes, createdDay, customFields, tags, true);
        }

        private static String[] fit(String[] values, int row) {
            return row < values.length ? values : Arrays.copyOf(values, capacity(row));
        }

        private static int capacity(int row) {
            return Math.max(16, Integer.highestOneBit(row) * 2);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
