package org.strata.server.ingest;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Service;
import org.strata.server.ingest.read.ImportOptions;
import org.strata.server.ingest.read.ImportReaders;
import org.strata.server.ingest.read.ParsedRows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Uploaded files imported in the background. Imports run one after another on one thread: two imports of
 * overlapping data at the same time would only contend for the same rows, and a queue keeps the order the user gave.
 */
@Service
public class FileImports {

    private final ImportService imports;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "strata-file-import");
        thread.setDaemon(true);
        return thread;
    });

    FileImports(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Opens the file now, so that a file that cannot be imported at all (empty, not CSV or Excel, required column
     * missing) is refused at once with an {@link ImportFileException}, then imports it in the background. The file is
     * deleted when the import ends.
     *
     * @return the job id, for {@link ImportService#job}
     */
    public long start(ImportKind kind, Path file, String fileName, ImportOptions options) throws IOException {
        ParsedRows<?> rows;
        try {
            rows = ImportReaders.open(kind, file, fileName, options);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        long jobId = imports.createJob(kind, options.source(), fileName, rows.totalBytes());
        worker.execute(() -> {
            try {
                imports.run(jobId, kind, RowSource.of(rows), ProgressListener.NONE);
            } finally {
                delete(file);
            }
        });
        return jobId;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
