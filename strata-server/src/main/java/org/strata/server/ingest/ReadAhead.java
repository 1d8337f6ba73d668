package org.strata.server.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Reads and parses the next batch on a thread of its own while the caller writes the previous one: parsing costs
 * CPU in this process, storing costs CPU in the database, and the two overlap instead of taking turns. Work on each
 * row that needs no database (a writer's checks) can be done on the reader thread too, by {@code eachRow}.
 * <p>
 * Memory stays bounded: at most the batch being written, one waiting and the one being filled are held. A failure
 * while reading (a file that breaks off) is handed over after the batches read before it, so the caller stores
 * exactly what a reader in its own thread would have stored before it hit the failure. {@link #close()} stops the
 * reader (when the caller gives up early) and waits for it, so the row source can be closed safely afterwards.
 */
final class ReadAhead<R> implements AutoCloseable {

    /** A batch of rows and how far into the input the reader was when it completed the batch (for progress). */
    record Batch<R>(List<R> rows, long bytesRead) {
    }

    private static final Batch<?> END = new Batch<>(List.of(), -1);

    private final BlockingQueue<Object> handOver = new ArrayBlockingQueue<>(1);
    private final Thread reader;

    /** @param eachRow what the reader thread makes of each parsed row, in file order */
    <T> ReadAhead(RowSource<T> source, Function<ParsedRow<T>, R> eachRow, int batchSize, String threadName) {
        this.reader = new Thread(() -> read(source, eachRow, batchSize), threadName);
        reader.setDaemon(true);
        reader.start();
    }

    /** The parsed rows as they are. */
    static <T> ReadAhead<ParsedRow<T>> of(RowSource<T> source, int batchSize, String threadName) {
        return new ReadAhead<>(source, Function.identity(), batchSize, threadName);
    }

    private <T> void read(RowSource<T> source, Function<ParsedRow<T>, R> eachRow, int batchSize) {
        try {
            while (source.hasNext()) {
                List<R> rows = new ArrayList<>(Math.min(batchSize, 50_000));
                while (rows.size() < batchSize && source.hasNext()) {
                    rows.add(eachRow.apply(source.next()));
                }
                handOver.put(new Batch<>(rows, source.bytesRead()));
            }
            handOver.put(END);
        } catch (InterruptedException stopped) {
            // close(): the caller does not want more batches.
        } catch (RuntimeException failure) {
            try {
                handOver.put(failure);
            } catch (InterruptedException stopped) {
                // close() came first; the failure no longer matters to anyone.
            }
        }
    }

    /**
     * The next batch, or null after the last one.
     *
     * @throws RuntimeException what reading threw, once the batches read before it have been taken
     */
    @SuppressWarnings("unchecked")
    Batch<R> next() throws InterruptedException {
        Object next = handOver.take();
        if (next instanceof RuntimeException failure) {
            handOver.put(failure);  // asking again gets the same answer
            throw failure;
        }
        if (next == END) {
            handOver.put(END);
            return null;
        }
        return (Batch<R>) next;
    }

    @Override
    public void close() {
        reader.interrupt();
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
