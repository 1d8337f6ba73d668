package org.strata.engine.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerColumns.Attribute;
import org.strata.engine.data.CustomerIndex;

/**
 * Reads a customers CSV: the id column (as in orders files), the standard attributes (region, industry, owner, type),
 * the created date, tags (one column, separated by {@code ;}, {@code |}, {@code 、} or {@code ，}) and every other
 * column as a custom field. Contact columns (name, phone, email, address) are personal data, not features, and are
 * not read.
 */
public final class CustomersCsvReader {

    private static final List<String> ID = java.util.stream.Stream.concat(
            OrderCsvLayout.names(OrderCsvLayout.Role.CUSTOMER).stream(), java.util.stream.Stream.of("id")).toList();
    private static final List<String> REGION = List.of("region", "area", "province", "地区", "区域", "省份");
    private static final List<String> INDUSTRY = List.of("industry", "sector", "行业");
    private static final List<String> OWNER = List.of("owner", "salesrep", "accountmanager", "负责人", "销售", "客户经理");
    private static final List<String> TYPE = List.of("type", "customertype", "客户类型", "类型");
    private static final List<String> CREATED = List.of("createdat", "created", "createddate", "signupdate",
            "registeredat", "创建时间", "注册时间", "创建日期");
    private static final List<String> TAGS = List.of("tags", "tag", "标签");
    private static final List<String> PERSONAL = List.of("name", "customername", "phone", "mobile", "email",
            "address", "姓名", "名称", "客户名称", "电话", "手机", "手机号", "邮箱", "地址");

    private final ZoneId zone;

    public CustomersCsvReader(ZoneId zone) {
        this.zone = zone;
    }

    public CustomerColumns read(Path file) {
        String name = file.getFileName().toString();
        CustomerIndex index = new CustomerIndex(1024);
        CustomerColumns.Builder customers = CustomerColumns.builder(index);
        Timestamps timestamps = new Timestamps(zone);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            String[] header = null;
            int idColumn = -1;
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields().toArray(String[]::new);
                    idColumn = idColumn(header, name);
                    continue;
                }
                long line = record.getStartingLineNumber();
                String id = record.getFieldCount() > idColumn ? record.getField(idColumn).strip() : "";
                if (id.isEmpty()) {
                    throw new CsvException(name, line, idColumn + 1, header[idColumn], CsvError.CUSTOMER_ID_EMPTY.with());
                }
                int before = index.size();
                int row = customers.customer(id);
                if (row < before) {
                    throw new CsvException(name, line, idColumn + 1, header[idColumn], CsvError.CUSTOMER_TWICE.with(id));
                }
                for (int c = 0; c < Math.min(header.length, record.getFieldCount()); c++) {
                    if (c != idColumn) {
                        cell(customers, row, header[c], record.getField(c), timestamps, name, line, c);
                    }
                }
            }
            if (header == null) {
                throw new CsvException(name, 0, 0, CsvError.CUSTOMERS_EMPTY.with());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return customers.build();
    }

    private static void cell(CustomerColumns.Builder customers, int row, String column, String value,
                             Timestamps timestamps, String file, long line, int c) {
        String key = OrderCsvLayout.normalise(column);
        if (PERSONAL.contains(key)) {
            return;
        }
        if (REGION.contains(key)) {
            customers.attribute(row, Attribute.REGION, value);
        } else if (INDUSTRY.contains(key)) {
            customers.attribute(row, Attribute.INDUSTRY, value);
        } else if (OWNER.contains(key)) {
            customers.attribute(row, Attribute.OWNER, value);
        } else if (TYPE.contains(key)) {
            customers.attribute(row, Attribute.TYPE, value);
        } else if (CREATED.contains(key)) {
            if (!value.isBlank()) {
                int day = timestamps.epochDay(value);
                if (day == Timestamps.INVALID) {
                    throw new CsvException(file, line, c + 1, column, CsvError.NOT_A_DATE.with(value));
                }
                customers.created(row, LocalDate.ofEpochDay(day));
            }
        } else if (TAGS.contains(key)) {
            Arrays.stream(value.split("[;|、，]")).forEach(tag -> customers.tag(row, tag));
        } else {
            customers.customField(row, column.strip(), value);
        }
    }

    private static int idColumn(String[] header, String file) {
        for (String candidate : ID) {
            for (int c = 0; c < header.length; c++) {
                if (OrderCsvLayout.normalise(header[c]).equals(candidate)) {
                    return c;
                }
            }
        }
        throw new CsvException(file, 1, 0, CsvError.NO_CUSTOMER_ID_COLUMN.with(Arrays.toString(header)));
    }
}
