package org.strata.server.tiering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.EventColumns;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.data.OrderStatus;
import org.strata.engine.feature.FeatureComputer;
import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.StandardFeatures;
import org.strata.engine.scheme.ModelColumns;
import org.strata.engine.table.FeatureTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Loads customers, orders and events from the database into the engine's columnar input in a few streaming queries
 * and computes their features. Customers merged into another are not tiered; their orders and events count for the
 * customer they were merged into. Cancelled orders never become purchases, so they are not even read.
 */
@Component
@EnableConfigurationProperties(ValueMatrixProperties.class)
class DatabaseFeatureSource implements FeatureSource {

    private static final String CUSTOMERS = "SELECT c.id, c.region, c.industry, u.display_name, c.type, c.created_at, "
            + "c.attributes FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.merged_into IS NULL";
    /** The customer an order or event counts for: the survivor when its own customer was merged. */
    private static final String OWNER = "COALESCE(c.merged_into, c.id)";
    /** Same as OWNER IN (:ids), but written so the database can use the customer indexes. */
    private static final String OWNED_BY_IDS = "(c.id IN (:ids) OR c.merged_into IN (:ids))";
    private static final String ORDERS = "SELECT " + OWNER + ", o.ordered_at, o.amount, o.cost, o.refund_amount, "
            + "o.status FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status <> 'cancelled'";
    private static final String EVENTS = "SELECT " + OWNER + ", e.occurred_at, e.type FROM events e "
            + "JOIN customers c ON c.id = e.customer_id";

    private final BulkReader reader;
    private final ObjectMapper json;
    private final TieringTime time;
    private final ModelColumns models;

    DatabaseFeatureSource(BulkReader reader, ObjectMapper json, TieringTime time, ValueMatrixProperties valueMatrix) {
        this.reader = reader;
        this.json = json;
        this.time = time;
        this.models = new ModelColumns(valueMatrix.matrix());
    }

    @Override
    public FeatureSnapshot loadAll(LocalDate asOf) {
        Input input = read(null);
        FeatureTable table = models.addTo(FeatureComputer.compute(input.customers, input.orders, input.events, asOf,
                time.zone()));
        return snapshot(asOf, table, input);
    }

    @Override
    public FeatureSnapshot loadCustomers(LocalDate asOf, Collection<Long> customerIds) {
        Input input = read(customerIds);
        return snapshot(asOf, FeatureComputer.compute(input.customers, input.orders, input.events, asOf,
                time.zone()), input);
    }

    @Override
    public Set<String> modelColumns() {
        return models.columns();
    }

    private FeatureSnapshot snapshot(LocalDate asOf, FeatureTable table, Input input) {
        Map<String, FeatureDefinition> declared = new LinkedHashMap<>();
        FeatureComputer.definitions(input.customers, input.events).forEach(d -> declared.put(d.name(), d));
        // every standard feature is declared even when this data lacks it, so a rule naming it is checked and then
        // fails with "not computed" instead of "unknown feature"
        StandardFeatures.all().forEach(d -> declared.putIfAbsent(d.name(), d));
        return new FeatureSnapshot(asOf, table, input.ids, List.copyOf(declared.values()), time.now());
    }

    /** The columnar input for all customers (ids null) or only some. */
    private Input read(Collection<Long> ids) {
        ZoneId zone = time.zone();
        CustomerIndex index = new CustomerIndex(1024);
        CustomerColumns.Builder customers = CustomerColumns.builder(index);
        List<Long> idList = new ArrayList<>();
        reader.streamFor(ids, CUSTOMERS + " ORDER BY c.id", CUSTOMERS + " AND c.id IN (:ids) ORDER BY c.id",
                rs -> readCustomer(rs, customers, idList, zone));
        long[] customerIds = idList.stream().mapToLong(Long::longValue).toArray();
        // rows are found by binary search over the ids, so they must ascend (BulkReader reads chunks in id order)
        if (!isAscending(customerIds)) {
            throw new IllegalStateException("customers were not read in ascending id order");
        }
        OrderColumns.Builder orders = OrderColumns.builder(Math.max(1024, customerIds.length * 4)).zone(zone);
        reader.streamFor(ids, ORDERS, ORDERS + " AND " + OWNED_BY_IDS, rs -> {
            int row = Arrays.binarySearch(customerIds, rs.getLong(1));
            if (row >= 0) {
                addOrder(orders, row, rs, zone);
            }
        });
        EventColumns.Builder events = EventColumns.builder().zone(zone);
        reader.streamFor(ids, EVENTS, EVENTS + " WHERE " + OWNED_BY_IDS, rs -> {
            int row = Arrays.binarySearch(customerIds, rs.getLong(1));
            if (row >= 0) {
                events.add(row, (int) LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), zone).toEpochDay(),
                        rs.getString(3));
            }
        });
        return new Input(customerIds, customers.build(), orders.build(), events.build());
    }

    private void readCustomer(ResultSet rs, CustomerColumns.Builder customers, List<Long> ids, ZoneId zone)
            throws SQLException {
        long id = rs.getLong(1);
        ids.add(id);
        int row = customers.customer(Long.toString(id));
        customers.attribute(row, CustomerColumns.Attribute.REGION, rs.getString(2));
        customers.attribute(row, CustomerColumns.Attribute.INDUSTRY, rs.getString(3));
        customers.attribute(row, CustomerColumns.Attribute.OWNER, rs.getString(4));
        customers.attribute(row, CustomerColumns.Attribute.TYPE, rs.getString(5));
        customers.created(row, LocalDate.ofInstant(rs.getTimestamp(6).toInstant(), zone));
        String attributes = rs.getString(7);
        if (attributes != null && !attributes.isBlank()) {
            readAttributes(customers, row, attributes);
        }
    }

    /**
     * Custom attributes (a JSON object): {@code customer_type} overrides the type column (distributor, end
     * customer ...), {@code tags} holds the customer's tags, every other scalar becomes a custom field.
     */
    private void readAttributes(CustomerColumns.Builder customers, int row, String attributes) {
        JsonNode root = json.readTree(attributes);
        if (!root.isObject()) {
            return;
        }
        for (var field : root.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("tags") && value.isArray()) {
                value.forEach(tag -> customers.tag(row, tag.asString()));
            } else if (name.equals("customer_type") && value.isValueNode()) {
                customers.attribute(row, CustomerColumns.Attribute.TYPE, value.asString());
            } else if (value.isValueNode() && !value.isNull()) {
                customers.customField(row, name, value.asString());
            }
        }
    }

    private static void addOrder(OrderColumns.Builder orders, int row, ResultSet rs, ZoneId zone)
            throws SQLException {
        int day = (int) LocalDate.ofInstant(rs.getTimestamp(2).toInstant(), zone).toEpochDay();
        double amount = rs.getDouble(3);
        double cost = rs.getDouble(4);
        if (rs.wasNull()) {
            cost = Double.NaN;
        }
        double refund = rs.getDouble(5);
        OrderStatus status = OrderStatus.parse(rs.getString(6));
        if (amount < 0) {
            // a negative order is a return: it lowers net spend on its day and is not a purchase
            orders.add(row, day, 0, Double.NaN, refund - amount, OrderStatus.RETURN);
        } else {
            orders.add(row, day, amount, cost, refund, status == null ? OrderStatus.COMPLETED : status);
        }
    }

    private static boolean isAscending(long[] ids) {
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private record Input(long[] ids, CustomerColumns customers, OrderColumns orders, EventColumns events) {
    }
}
