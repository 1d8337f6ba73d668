package org.strata.server.sql;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows for one table, encoded for a binary COPY into a temporary file while another COPY holds the connection
 * ({@link OpenCopy}: a connection runs one COPY at a time), and copied in one COPY at the end. A load that writes two
 * tables so keeps the COPY of one open across its batches instead of taking turns with the database batch by batch.
 * The file holds what the COPY would have sent (some 80 bytes per identifier row), not the rows' objects, so the heap
 * does not grow with the file; it is deleted by {@link #close()}, which the load calls on success and on failure.
 */
public final class SpilledRows implements AutoCloseable {

    /** Bytes encoded before they are written out, and read at once by the COPY. */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final BinaryRows encoder;
    private Path file;
    private OutputStream out;
    private long rows;

    /** @param columnDefinitions as {@link SqlDialect#appendRows} takes them */
    public SpilledRows(List<String> columnDefinitions) {
        this.encoder = new BinaryRows(columnDefinitions);
    }

    /** Encodes the rows (each as {@link SqlDialect#appendRows} takes them) into the file. */
    public void add(List<Object[]> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (out == null) {
            open();
        }
        for (Object[] row : batch) {
            encoder.putRow(row);
            if (encoder.length() >= CHUNK_BYTES) {
                writeOut();
            }
        }
        writeOut();
        rows += batch.size();
    }

    /** How many rows were added. */
    public long rows() {
        return rows;
    }

    /**
     * Copies every row added into the table with one COPY ({@code options} such as {@code ", FREEZE"}), on the
     * caller's connection, which must have no COPY open; returns the rows copied. Nothing is sent when none were added.
     */
    long copyInto(JdbcTemplate jdbc, String table, String options) {
        if (rows == 0) {
            return 0;
        }
        encoder.putTrailer();
        writeOut();
        closeFile();
        String statement = encoder.copyStatement(table, options);
        return jdbc.execute((ConnectionCallback<Long>) connection -> {
            try (InputStream in = Files.newInputStream(file)) {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement, in, CHUNK_BYTES);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the rows spilled to " + file, e);
            }
        });
    }

    /** Deletes the file. */
    @Override
    public void close() {
        closeFile();
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete " + file, e);
            }
        }
    }

    private void open() {
        try {
            file = Files.createTempFile("strata-copy-", ".bin");
            // should the JVM end before close() does (killed during a load), it leaves no file behind
            file.toFile().deleteOnExit();
            out = new BufferedOutputStream(Files.newOutputStream(file), CHUNK_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file for the rows of a COPY", e);
        }
        encoder.putHeader();
    }

    private void writeOut() {
        try {
            out.write(encoder.bytes(), 0, encoder.length());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rows of a COPY to " + file, e);
        }
        encoder.clear();
    }

    private void closeFile() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the rows of a COPY to " + file, e);
        } finally {
            out = null;
        }
    }
}
