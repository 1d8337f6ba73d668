package org.strata.server.quality;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The counts of every source while a report is built, however they are found (scanned or maintained). */
final class QualityTally {

    static final int SAMPLES = 5;

    /** By source name, in the order the report lists them. */
    private final Map<String, SourceTally> sources = new TreeMap<>();

    SourceTally of(String source) {
        return sources.computeIfAbsent(source, SourceTally::new);
    }

    java.util.Set<String> sources() {
        return sources.keySet();
    }

    QualityReport toReport(java.time.OffsetDateTime generatedAt, String source) {
        SourceTally total = new SourceTally(null);
        sources.values().forEach(total::add);
        List<QualityReport.SourceQuality> list = new ArrayList<>();
        sources.values().forEach(tally -> list.add(tally.toReport()));
        return new QualityReport(generatedAt, source, list, total.toReport());
    }

    /** Counts of one source. */
    static final class SourceTally {
        final String source;
        long customers;
        long orders;
        long events;
        private final Map<QualityCheck, FindingTally> findings = new EnumMap<>(QualityCheck.class);

        SourceTally(String source) {
            this.source = source;
            for (QualityCheck check : QualityCheck.values()) {
                findings.put(check, new FindingTally());
            }
        }

        /** One record with the defect. */
        void record(QualityCheck check, long id) {
            findings.get(check).record(id);
        }

        /** {@code count} records with the defect, counted elsewhere; their samples come one by one. */
        void count(QualityCheck check, long count) {
            findings.get(check).count += count;
        }

        void sample(QualityCheck check, long id) {
            findings.get(check).sample(id);
        }

        long count(QualityCheck check) {
            return findings.get(check).count;
        }

        void add(SourceTally other) {
            customers += other.customers;
            orders += other.orders;
            events += other.events;
            other.findings.forEach((check, finding) -> findings.get(check).add(finding));
        }

        QualityReport.SourceQuality toReport() {
            List<QualityReport.Finding> list = new ArrayList<>();
            findings.forEach((check, f) -> list.add(new QualityReport.Finding(check.code(), check.label(),
                    check.description(), check.entity(), f.count, List.copyOf(f.samples))));
            return new QualityReport.SourceQuality(source, customers, orders, events, list);
        }
    }

    /** A count and the smallest ids seen, whatever order the rows come in. */
    private static final class FindingTally {
        long count;
        final TreeSet<Long> samples = new TreeSet<>();

        void record(long id) {
            count++;
            sample(id);
        }

        void add(FindingTally other) {
            count += other.count;
            other.samples.forEach(this::sample);
        }

        void sample(long id) {
            samples.add(id);
            if (samples.size() > SAMPLES) {
                samples.pollLast();
            }
        }
    }
}
