package org.strata.engine.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Interactions (logins, visits, support tickets ...) column by column: event {@code i} belongs to customer row
 * {@code customer[i]}, happened on {@code epochDay[i]} in the business time zone and has type {@code typeNames.get(type[i])}.
 * Type names are lower case; arrays are shared, treat them as read-only.
 */
public final class EventColumns {

    /** Types every table has counts for, even when no event of the type is present, so rules can rely on them. */
    public static final List<String> STANDARD_TYPES = List.of("login", "visit", "ticket");

    private final ZoneId zone;
    private final int size;
    private final int[] customer;
    private final int[] epochDay;
    private final int[] type;
    private final List<String> typeNames;

    public EventColumns(ZoneId zone, int size, int[] customer, int[] epochDay, int[] type, List<String> typeNames) {
        if (customer.length < size || epochDay.length < size || type.length < size) {
            throw new IllegalArgumentException("a column holds fewer values than " + size + " events");
        }
        this.zone = zone;
        this.size = size;
        this.customer = customer;
        this.epochDay = epochDay;
        this.type = type;
        this.typeNames = List.copyOf(typeNames);
    }

    public static EventColumns empty() {
        return new EventColumns(OrderColumns.DEFAULT_ZONE, 0, new int[0], new int[0], new int[0], List.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The time zone in which {@link #epochDay()} values are calendar days. */
    public ZoneId zone() {
        return zone;
    }

    public int size() {
        return size;
    }

    public int[] customer() {
        return customer;
    }

    public int[] epochDay() {
        return epochDay;
    }

    public int[] type() {
        return type;
    }

    public List<String> typeNames() {
        return typeNames;
    }

    /** Collects events row by row; type names are normalised to lower case and given codes in order of appearance. */
    public static final class Builder {
        private ZoneId zone = OrderColumns.DEFAULT_ZONE;
        private int size;
        private int[] customer = new int[64];
        private int[] epochDay = new int[64];
        private int[] type = new int[64];
        private final Map<String, Integer> codes = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder add(int customerRow, LocalDate day, String typeName) {
            return add(customerRow, (int) day.toEpochDay(), typeName);
        }

        public Builder add(int customerRow, int day, String typeName) {
            String name = typeName.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an event needs a type");
            }
            int code = codes.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
            if (size == customer.length) {
                customer = Arrays.copyOf(customer, size * 2);
                epochDay = Arrays.copyOf(epochDay, size * 2);
                type = Arrays.copyOf(type, size * 2);
            }
            customer[size] = customerRow;
            epochDay[size] = day;
            type[size] = code;
            size++;
            return this;
        }

        public EventColumns build() {
            return new EventColumns(zone, size, customer, epochDay, type, names);
        }
    }
}
