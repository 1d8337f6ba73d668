package org.strata.server.access;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored script through the console's JavaScript: customer names, tags and scheme names arrive as JSON and must
 * reach the page as text. The console's own scripts (not the vendored ECharts) never parse data as HTML, and the
 * one place ECharts itself renders HTML, a tooltip formatter's result, encodes every name it quotes.
 */
class ConsoleScriptsTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/static/assets");
    private static final Pattern WRITES_HTML = Pattern.compile(
            "\\.innerHTML|\\.outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment|DOMParser"
                    + "|\\beval\\(|new Function\\(");
    /** A name quoted in a tooltip formatter without html(...) around it. */
    private static final Pattern RAW_NAME_IN_TOOLTIP = Pattern.compile("(?<!html\\()(\\bp\\.name\\b|\\btierName\\(|"
            + "\\bname\\()");

    @Test
    void consoleScriptsPutDataIntoThePageAsTextOnly() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path script : scripts()) {
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                Matcher html = WRITES_HTML.matcher(lines.get(i));
                if (html.find()) {
                    found.add(script.getFileName() + ":" + (i + 1) + ": " + html.group());
                }
            }
        }
        assertThat(found).as("data written as HTML (use textContent or createElement)").isEmpty();
    }

    @Test
    void echartsTooltipsEncodeTheNamesTheyQuote() throws IOException {
        List<String> found = new ArrayList<>();
        int tooltips = 0;
        for (Path script : scripts()) {
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.contains("tooltip") && line.contains("formatter:")) {
                    tooltips++;
                    Matcher raw = RAW_NAME_IN_TOOLTIP.matcher(line);
                    if (raw.find()) {
                        found.add(script.getFileName() + ":" + (i + 1) + ": " + raw.group());
                    }
                }
            }
        }
        assertThat(tooltips).as("tooltip formatters checked").isPositive();
        assertThat(found).as("names in ECharts tooltips (rendered as HTML) without html(...)").isEmpty();
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            List<Path> scripts = files.filter(f -> f.toString().endsWith(".js")).sorted().toList();
            assertThat(scripts).as("console scripts").hasSizeGreaterThan(3);
            return scripts;
        }
    }
}
