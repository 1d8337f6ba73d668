package org.strata.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.NumberColumn;
import org.strata.engine.table.TextColumn;

/**
 * Maps R/F/M scores to named segments: rows are tried in order and the first whose three score ranges all match wins;
 * a customer matching no row gets the fallback segment, one without scores (no purchase) gets {@link #NO_PURCHASE}.
 * The map is data: {@link #parse} reads the text format of {@code rfm11-segments.txt}, so a company can ship its own.
 */
public record SegmentMap(int bins, List<Rule> rules, Segment fallback) implements SegmentModel {

    /** The segment of customers without a purchase, who have no R/F/M scores. */
    public static final Segment NO_PURCHASE = new Segment("no_purchase", "未购买客户", "No purchase");

    /** One row of the map; ranges are inclusive score ranges. */
    public record Rule(Segment segment, int rMin, int rMax, int fMin, int fMax, int mMin, int mMax) {

        boolean matches(int r, int f, int m) {
            return r >= rMin && r <= rMax && f >= fMin && f <= fMax && m >= mMin && m <= mMax;
        }
    }

    public SegmentMap {
        rules = List.copyOf(rules);
    }

    /** The 11-segment map of the R package {@code rfm}, in its published order, rest = others (其他). */
    public static SegmentMap rfm11() {
        try (InputStream in = SegmentMap.class.getResourceAsStream("rfm11-segments.txt")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "rfm11-segments.txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a map: a line {@code bins K}, then rows {@code key | 中文 | English | R | F | M} with ranges like
     * {@code 4-5} or {@code 1}, and a last row {@code key | 中文 | English} for the customers no row matches.
     * Lines starting with # are comments.
     *
     * @param source named in error messages, e.g. the file name
     */
    public static SegmentMap parse(String text, String source) {
        String[] lines = text.split("\r?\n");
        int bins = 0;
        List<Rule> rules = new ArrayList<>();
        Segment fallback = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = source + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("bins ")) {
                bins = Integer.parseInt(line.substring(5).strip());
                continue;
            }
            if (fallback != null) {
                throw new IllegalArgumentException(where + ": nothing may follow the fallback row (key | 中文 | English)");
            }
            String[] cells = line.split("\\|");
            for (int c = 0; c < cells.length; c++) {
                cells[c] = cells[c].strip();
            }
            if (cells.length == 3) {
                fallback = new Segment(cells[0], cells[1], cells[2]);
            } else if (cells.length == 6) {
                if (bins == 0) {
                    throw new IllegalArgumentException(where + ": declare the number of scores first, e.g. 'bins 5'");
                }
                int[] r = range(cells[3], bins, where + " column R");
                int[] f = range(cells[4], bins, where + " column F");
                int[] m = range(cells[5], bins, where + " column M");
                rules.add(new Rule(new Segment(cells[0], cells[1], cells[2]), r[0], r[1], f[0], f[1], m[0], m[1]));
            } else {
                throw new IllegalArgumentException(where + ": expected 'key | 中文 | English | R | F | M' (6 cells) or a "
                        + "fallback 'key | 中文 | English', found " + cells.length + " cells");
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException(source + ": the last row must name the segment for customers no row "
                    + "matches, e.g. 'others | 其他 | Others'");
        }
        return new SegmentMap(bins, rules, fallback);
    }

    private static int[] range(String cell, int bins, String where) {
        String[] parts = cell.split("-");
        try {
            int lo = Integer.parseInt(parts[0].strip());
            int hi = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : lo;
            if (parts.length > 2 || lo < 1 || hi > bins || lo > hi) {
                throw new NumberFormatException();
            }
            return new int[] {lo, hi};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": '" + cell + "' is not a score range within 1-" + bins
                    + "; write e.g. 4-5 or 1");
        }
    }

    @Override
    public String column() {
        return "rfm_segment";
    }

    @Override
    public List<Segment> segments() {
        List<Segment> all = new ArrayList<>();
        rules.forEach(rule -> all.add(rule.segment()));
        all.add(fallback);
        all.add(NO_PURCHASE);
        return all;
    }

    /** Needs r_score, f_score and m_score made with the same number of bins as the map. */
    @Override
    public TextColumn classify(FeatureTable table) {
        NumberColumn r = ModelInputs.number(table, "r_score", "The RFM segment map");
        NumberColumn f = ModelInputs.number(table, "f_score", "The RFM segment map");
        NumberColumn m = ModelInputs.number(table, "m_score", "The RFM segment map");
        // a lookup table over every score triple turns 1M row classifications into array reads
        String[] keyByScores = new String[(bins + 1) * (bins + 1) * (bins + 1)];
        for (int ri = 1; ri <= bins; ri++) {
            for (int fi = 1; fi <= bins; fi++) {
                for (int mi = 1; mi <= bins; mi++) {
                    keyByScores[(ri * (bins + 1) + fi) * (bins + 1) + mi] = match(ri, fi, mi).key();
                }
            }
        }
        String[] keys = new String[table.size()];
        for (int i = 0; i < keys.length; i++) {
            if (r.isNull(i) || f.isNull(i) || m.isNull(i)) {
                keys[i] = NO_PURCHASE.key();
                continue;
            }
            int ri = (int) r.values()[i];
            int fi = (int) f.values()[i];
            int mi = (int) m.values()[i];
            if (Math.max(ri, Math.max(fi, mi)) > bins) {
                throw new IllegalArgumentException("customer " + table.customerIds()[i] + " has a score above " + bins
                        + "; this segment map is defined for scores 1-" + bins + ", score with " + bins + " bins");
            }
            keys[i] = keyByScores[(ri * (bins + 1) + fi) * (bins + 1) + mi];
        }
        return new TextColumn(keys);
    }

    /** Segments of rows that no score triple reaches, because earlier rows catch all of theirs. */
    public List<Segment> unreachableSegments() {
        List<Segment> unreachable = new ArrayList<>();
        for (Rule rule : rules) {
            boolean reached = false;
            for (int ri = rule.rMin(); ri <= rule.rMax() && !reached; ri++) {
                for (int fi = rule.fMin(); fi <= rule.fMax() && !reached; fi++) {
                    for (int mi = rule.mMin(); mi <= rule.mMax() && !reached; mi++) {
                        reached = match(ri, fi, mi) == rule.segment();
                    }
                }
            }
            if (!reached) {
                unreachable.add(rule.segment());
            }
        }
        return unreachable;
    }

    /** The first matching segment for the scores, or the fallback. */
    public Segment match(int r, int f, int m) {
        for (Rule rule : rules) {
            if (rule.matches(r, f, m)) {
                return rule.segment();
            }
        }
        return fallback;
    }
}
