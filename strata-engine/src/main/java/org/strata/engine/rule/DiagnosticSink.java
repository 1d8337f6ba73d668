package org.strata.engine.rule;

import org.strata.engine.i18n.Message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one rule with their spans; turns offsets into line:column when asked. */
final class DiagnosticSink {

    private record Problem(Span span, Message message, String suggestion) {
    }

    private final String source;
    private final List<Problem> problems = new ArrayList<>();

    DiagnosticSink(String source) {
        this.source = source;
    }

    void error(Span span, Message message) {
        problems.add(new Problem(span, message, null));
    }

    void error(Span span, Message message, String suggestion) {
        problems.add(new Problem(span, message, suggestion));
    }

    boolean hasErrors() {
        return !problems.isEmpty();
    }

    List<Diagnostic> diagnostics() {
        return problems.stream()
                .sorted(Comparator.comparingInt((Problem p) -> p.span().start()))
                .map(this::toDiagnostic)
                .distinct()
                .toList();
    }

    private Diagnostic toDiagnostic(Problem problem) {
        int offset = problem.span().start();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Diagnostic(line, offset - lineStart + 1, offset, problem.span().length(), problem.message(),
                problem.suggestion());
    }
}
