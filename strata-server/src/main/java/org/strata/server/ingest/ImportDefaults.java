package org.strata.server.ingest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.strata.server.ingest.read.ImportOptions;

import java.time.ZoneId;

/**
 * Import options as this installation configures them: local times without an offset (most Chinese exports) are
 * read in {@code strata.time-zone} (Asia/Shanghai unless configured), for files, REST batches and the CLI alike.
 */
@Component
public class ImportDefaults {

    private final ZoneId zone;

    ImportDefaults(@Value("${strata.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ImportOptions options() {
        return ImportOptions.defaults().withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
