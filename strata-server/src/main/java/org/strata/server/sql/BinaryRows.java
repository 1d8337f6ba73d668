package org.strata.server.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rows in PostgreSQL's binary COPY format, encoded into a byte buffer that grows as needed and is emptied by whoever
 * sends it ({@link CopyBinary} as an input stream, {@link OpenCopy} batch by batch). Timestamps go as microseconds and
 * numbers as base-10000 digits, so the database stores them without parsing text: for a file of orders, parsing the
 * timestamp and amount texts was most of what COPY cost.
 * <p>
 * The binary format has no conversions: every value must be sent as exactly its column's type, which is why the
 * encoder is made from the columns' definitions ({@code "name TYPE"}, as they create the table) rather than from the
 * values' Java classes. A value of the wrong class fails with the column's name.
 */
final class BinaryRows {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0,   // flags: no OIDs
            0, 0, 0, 0};  // no header extension

    /** PostgreSQL counts time from 2000-01-01T00:00Z. */
    static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /** The type of an INTEGER[]'s elements, pg_type.oid of int4. */
    private static final int INT4_OID = 23;
    private static final short NUMERIC_POSITIVE = 0x0000;
    private static final short NUMERIC_NEGATIVE = 0x4000;

    /** Unscaled values of at most this many digits still fit a long once scaled up to a multiple of 4 decimals. */
    private static final int LONG_PATH_DIGITS = 15;

    private final ColumnType[] types;
    private final String[] names;
    private byte[] chunk = new byte[64 * 1024];
    private int length;
    /** The base-10000 digits of the number being encoded (5 for any long). */
    private short[] digits = new short[5];

    /** @param columnDefinitions "name TYPE" each, in the order of the rows' values */
    BinaryRows(List<String> columnDefinitions) {
        this.types = new ColumnType[columnDefinitions.size()];
        this.names = new String[columnDefinitions.size()];
        for (int i = 0; i < types.length; i++) {
            String definition = columnDefinitions.get(i).strip();
            int space = definition.indexOf(' ');
            names[i] = definition.substring(0, space);
            types[i] = ColumnType.of(definition.substring(space + 1));
        }
    }

    /** The COPY that reads these rows into {@code table}; {@code options} such as {@code ", FREEZE"} or empty. */
    String copyStatement(String table, String options) {
        return "COPY " + table + " (" + String.join(", ", names) + ") FROM STDIN (FORMAT binary" + options + ")";
    }

    /** The bytes encoded since the last {@link #clear()}: {@code bytes()[0 .. length())}. */
    byte[] bytes() {
        return chunk;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    /** The signature and flags that start a COPY's data. */
    void putHeader() {
        put(HEADER, 0, HEADER.length);
    }

    /** The field count -1 that ends a COPY's data. */
    void putTrailer() {
        putShort(-1);
    }

    void putRow(Object[] row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("a row of " + row.length + " values for the " + types.length
                    + " columns " + String.join(", ", names));
        }
        putShort(types.length);
        for (int i = 0; i < types.length; i++) {
            Object value = row[i];
            if (value == null) {
                putInt(-1);
                continue;
            }
            try {
                putValue(types[i], value);
            } catch (ClassCastException e) {
                throw new IllegalArgumentException("column " + names[i] + " (" + types[i] + ") cannot take a "
                        + value.getClass().getSimpleName(), e);
            }
        }
    }

    private void putValue(ColumnType type, Object value) {
        switch (type) {
            case INT8 -> {
                putInt(8);
                putLong(((Number) value).longValue());
            }
            case INT4 -> {
                putInt(4);
                putInt(((Number) value).intValue());
            }
            case INT2 -> {
                putInt(2);
                putShort(((Number) value).shortValue());
            }
            case TEXT -> putText((String) value);
            case TIMESTAMPTZ -> {
                putInt(8);
                putLong(microsSincePostgresEpoch((OffsetDateTime) value));
            }
            case NUMERIC -> putNumeric((BigDecimal) value);
            case BOOL -> {
                putInt(1);
                ensure(1);
                chunk[length++] = (byte) ((Boolean) value ? 1 : 0);
            }
            case INT4_ARRAY -> putIntegers((int[]) value);
        }
    }

    /**
     * A one-dimensional INTEGER[] without nulls, counted from 1: dimensions, flags (no nulls), element type (int4),
     * the length and lower bound of the one dimension, then each element with its length; an empty array has no
     * dimension.
     */
    private void putIntegers(int[] values) {
        boolean empty = values.length == 0;
        putInt(12 + (empty ? 0 : 8) + 8 * values.length);
        putInt(empty ? 0 : 1);
        putInt(0);
        putInt(INT4_OID);
        if (!empty) {
            putInt(values.length);
            putInt(1);
        }
        for (int value : values) {
            putInt(4);
            putInt(value);
        }
    }

    private void putText(String text) {
        // getBytes is an intrinsic for Latin-1 strings: a loop over the characters writing into the buffer, which
        // saves the array, took three times as long (OrderFileBench)
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        put(bytes, 0, bytes.length);
    }

    /**
     * Rounded to microseconds as PostgreSQL rounds the fraction of a timestamp's text: it reads the fraction as a
     * double and takes {@code rint(fraction * 1e6)}. Done the same way here (a double division by 10⁹ is the
     * correctly rounded value, as strtod gives), so that a time stores alike whether it came as text or as binary.
     */
    static long microsSincePostgresEpoch(OffsetDateTime time) {
        long seconds = time.toEpochSecond() - POSTGRES_EPOCH_SECONDS;
        int nanos = time.getNano();
        long micros = nanos % 1000 == 0 ? nanos / 1000 : (long) Math.rint(nanos / 1e9 * 1e6);
        return seconds * 1_000_000L + micros;
    }

    /**
     * NUMERIC as PostgreSQL sends it: digit count, weight (the power of 10000 of the first digit), sign, display
     * scale, then the base-10000 digits without leading or trailing zero digits. The decimal point falls between
     * two base-10000 digits, so the unscaled value is first scaled up to a multiple of 4 decimals.
     */
    private void putNumeric(BigDecimal value) {
        BigDecimal decimal = value.scale() < 0 ? value.setScale(0) : value;
        int scale = decimal.scale();
        int padding = (4 - scale % 4) % 4;
        int n;
        // Amounts fit a long: their base-10000 digits are made without a BigInteger or an array per value.
        if (decimal.precision() <= LONG_PATH_DIGITS) {
            n = base10000(Math.abs(decimal.movePointRight(scale).longValueExact()) * POWERS_OF_TEN[padding], digits);
        } else {
            n = base10000(decimal.unscaledValue().abs().multiply(BigInteger.TEN.pow(padding)));
        }
        // digits[0] is the least significant; drop trailing zero digits (they are implied by the weight)
        int low = 0;
        while (low < n && digits[low] == 0) {
            low++;
        }
        int count = n - low;
        int fractionDigits = (scale + padding) / 4;
        int weight = count == 0 ? 0 : n - 1 - fractionDigits;
        putInt(8 + 2 * count);
        putShort(count);
        putShort(weight);
        putShort(decimal.signum() < 0 ? NUMERIC_NEGATIVE : NUMERIC_POSITIVE);
        putShort(scale);
        for (int i = n - 1; i >= low; i--) {
            putShort(digits[i]);
        }
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000};

    /**
     * Base-10000 digits of a value below 10^18, least significant first, without leading zero digits.
     *
     * @return how many digits
     */
    private static int base10000(long value, short[] digits) {
        int n = 0;
        for (long rest = value; rest > 0; rest /= 10_000) {
            digits[n++] = (short) (rest % 10_000);
        }
        return n;
    }

    /** As {@link #base10000(long, short[])} into {@link #digits} for any value, growing it when needed. */
    private int base10000(BigInteger value) {
        String decimal = value.toString();
        if (decimal.equals("0")) {
            return 0;
        }
        int n = (decimal.length() + 3) / 4;
        if (n > digits.length) {
            digits = new short[n];
        }
        for (int i = 0; i < n; i++) {
            int end = decimal.length() - 4 * i;
            digits[i] = Short.parseShort(decimal.substring(Math.max(0, end - 4), end));
        }
        return n;
    }

    private void putShort(int value) {
        ensure(2);
        chunk[length++] = (byte) (value >>> 8);
        chunk[length++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        chunk[length++] = (byte) (value >>> 24);
        chunk[length++] = (byte) (value >>> 16);
        chunk[length++] = (byte) (value >>> 8);
        chunk[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void put(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, chunk, length, count);
        length += count;
    }

    private void ensure(int more) {
        if (length + more > chunk.length) {
            chunk = Arrays.copyOf(chunk, Math.max(chunk.length * 2, length + more));
        }
    }

    /** The column types a staged row may hold; each is sent in its own binary representation. */
    enum ColumnType {
        INT8, INT4, INT2, TEXT, TIMESTAMPTZ, NUMERIC, BOOL, INT4_ARRAY;

        /** @param sqlType as in CREATE TABLE, e.g. {@code BIGINT NOT NULL}, {@code VARCHAR(64)}, {@code NUMERIC(18, 2)} */
        static ColumnType of(String sqlType) {
            String type = sqlType.strip().toUpperCase(Locale.ROOT);
            if (type.startsWith("INTEGER[]") || type.startsWith("INT[]")) {
                return INT4_ARRAY;
            }
            if (type.startsWith("BIGINT")) {
                return INT8;
            }
            if (type.startsWith("INTEGER") || type.equals("INT") || type.startsWith("INT ")) {
                return INT4;
            }
            if (type.startsWith("SMALLINT")) {
                return INT2;
            }
            if (type.startsWith("VARCHAR") || type.startsWith("CHAR") || type.startsWith("TEXT")) {
                return TEXT;
            }
            if (type.startsWith("TIMESTAMP WITH TIME ZONE") || type.startsWith("TIMESTAMPTZ")) {
                return TIMESTAMPTZ;
            }
            if (type.startsWith("NUMERIC") || type.startsWith("DECIMAL")) {
                return NUMERIC;
            }
            if (type.startsWith("BOOLEAN")) {
                return BOOL;
            }
            throw new IllegalArgumentException("no binary COPY for the column type " + sqlType
                    + "; expected BIGINT, INTEGER, SMALLINT, VARCHAR, CHAR, TEXT, TIMESTAMP WITH TIME ZONE, NUMERIC,"
                    + " BOOLEAN or INTEGER[]");
        }
    }
}
