package org.strata.server.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void batchesComeInFileOrderAndTheLastOneMayBeShort() throws InterruptedException {
        try (ReadAhead<ParsedRow<Integer>> reader = ReadAhead.of(counting(7, new AtomicInteger()), 3, "test-reader")) {
            assertThat(lines(reader.next())).containsExactly(1L, 2L, 3L);
            assertThat(lines(reader.next())).containsExactly(4L, 5L, 6L);
            assertThat(lines(reader.next())).containsExactly(7L);
            assertThat(reader.next()).isNull();
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void eachRowIsMadeOnTheReaderThreadInFileOrder() throws InterruptedException {
        List<String> made = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ReadAhead<String> reader = new ReadAhead<>(counting(5, new AtomicInteger()), row -> {
            made.add(Thread.currentThread().getName());
            return "line " + row.line();
        }, 2, "test-reader")) {
            assertThat(reader.next().rows()).containsExactly("line 1", "line 2");
            assertThat(reader.next().rows()).containsExactly("line 3", "line 4");
            assertThat(reader.next().rows()).containsExactly("line 5");
            assertThat(reader.next()).isNull();
        }
        assertThat(made).hasSize(5).containsOnly("test-reader");
    }

    @Test
    void aReadFailureComesAfterTheBatchesReadBeforeIt() throws InterruptedException {
        ImportFileException broken = new ImportFileException(6, "a quoted value never ends", null);
        List<ParsedRow<Integer>> rows = List.of(row(2), row(3), row(4), row(5));
        try (ReadAhead<ParsedRow<Integer>> reader = ReadAhead.of(ImportServiceTest.breakingOffAfter(rows, broken), 2,
                "test-reader")) {
            assertThat(lines(reader.next())).containsExactly(2L, 3L);
            assertThat(lines(reader.next())).containsExactly(4L, 5L);
            assertThatThrownBy(reader::next).isSameAs(broken);
            assertThatThrownBy(reader::next).isSameAs(broken);
        }
    }

    @Test
    void theReaderStaysAtMostTwoBatchesAheadSoMemoryIsBounded() throws InterruptedException {
        AtomicInteger read = new AtomicInteger();
        try (ReadAhead<ParsedRow<Integer>> reader = ReadAhead.of(counting(1_000, read), 10, "test-reader")) {
            reader.next();
            // One batch handed out, one waiting to be taken, one being filled (blocked on hand-over).
            waitUntilSettled(read);
            assertThat(read.get()).isLessThanOrEqualTo(30);
        }
    }

    @Test
    void closingStopsAReaderThatIsAheadAndWaitsForIt() throws InterruptedException {
        AtomicInteger read = new AtomicInteger();
        ReadAhead<ParsedRow<Integer>> reader = ReadAhead.of(counting(1_000_000, read), 10, "test-reader");
        reader.next();
        reader.close();
        int afterClose = read.get();
        TimeUnit.MILLISECONDS.sleep(50);
        assertThat(read.get()).isEqualTo(afterClose).isLessThan(1_000_000);
    }

    private static void waitUntilSettled(AtomicInteger read) throws InterruptedException {
        int before;
        do {
            before = read.get();
            TimeUnit.MILLISECONDS.sleep(50);
        } while (read.get() != before);
    }

    private static List<Long> lines(ReadAhead.Batch<ParsedRow<Integer>> batch) {
        return batch.rows().stream().map(ParsedRow::line).toList();
    }

    private static ParsedRow<Integer> row(long line) {
        return new ParsedRow<>(line, (int) line, List.of());
    }

    /** Rows on lines 1..n, counting how many have been read. */
    private static RowSource<Integer> counting(int n, AtomicInteger read) {
        return new RowSource<>() {
            @Override
            public boolean hasNext() {
                return read.get() < n;
            }

            @Override
            public ParsedRow<Integer> next() {
                return row(read.incrementAndGet());
            }

            @Override
            public long bytesRead() {
                return read.get();
            }

            @Override
            public long bytesTotal() {
                return n;
            }

            @Override
            public void close() {
            }
        };
    }
}
