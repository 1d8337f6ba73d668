package org.strata.server.ingest;

import org.strata.engine.i18n.LocalizedText;
import org.strata.engine.i18n.Message;

import java.util.Locale;

/**
 * The whole file (or upload) cannot be imported: it is empty, not a CSV or Excel file, its encoding is unknown, a
 * required column is missing, the mapping names an unknown field or header, or the CSV breaks off inside a quoted
 * value. The problem says what is wrong and what would be right, in the reader's language ({@link #text(Locale)};
 * {@link #getMessage()} is English); {@link #line()} says where when it is known.
 * Row-level problems are never thrown: they are {@link RowError}s on a rejected {@link ParsedRow}.
 */
public class ImportFileException extends RuntimeException implements LocalizedText {

    private final long line;
    private final transient Message problem;

    public ImportFileException(Message problem) {
        this(0, problem, null);
    }

    /** A problem without translation (a library's words): shown as given in every language. */
    public ImportFileException(long line, String problem, Throwable cause) {
        this(line, Message.literal(problem), cause);
    }

    public ImportFileException(long line, Message problem, Throwable cause) {
        super(located(line, problem).english(), cause);
        this.line = line;
        this.problem = problem;
    }

    /** The problem with its line ("line 6: …") when the line is known. */
    public Message located() {
        return located(line, problem);
    }

    private static Message located(long line, Message problem) {
        return line > 0 ? ImportError.LINE.with(line, problem) : problem;
    }

    /** 1-based file line the problem was found at, or 0 when it concerns the file as a whole. */
    public long line() {
        return line;
    }

    /** What is wrong, without the line. */
    public Message problem() {
        return problem;
    }

    @Override
    public String code() {
        return problem.code();
    }

    /** "line 6: …" / "第 6 行：…" when the line is known. */
    @Override
    public String text(Locale locale) {
        return located(line, problem).text(locale);
    }
}
