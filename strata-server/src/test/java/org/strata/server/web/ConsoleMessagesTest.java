package org.strata.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every visible string of the console comes from the message bundles, in both languages: the bundles have the same
 * keys, every key a template or script asks for exists, templates carry no text of their own and scripts no Chinese.
 */
class ConsoleMessagesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path TEMPLATES = RESOURCES.resolve("templates");
    private static final Path SCRIPTS = RESOURCES.resolve("static/assets");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([^}(|]+)");
    /** A key built from a value, #{|runs.status.${r.status}|}: some key must fit the pattern. */
    private static final Pattern TEMPLATE_DYNAMIC_KEY = Pattern.compile("#\\{\\|([^|]+)\\|");
    private static final Pattern SCRIPT_KEY = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");
    private static final Pattern LITERAL_ATTRIBUTE =
            Pattern.compile("\\s(placeholder|title|aria-label|alt|label)=\"([^\"]*)\"");

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> chinese = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(difference(chinese, english)).as("keys missing in messages_en.properties").isEmpty();
        assertThat(difference(english, chinese)).as("keys missing in messages.properties").isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            String html = Files.readString(template);
            Matcher m = TEMPLATE_KEY.matcher(html);
            while (m.find()) {
                if (!keys.contains(m.group(1).trim())) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1).trim());
                }
            }
            Matcher dynamic = TEMPLATE_DYNAMIC_KEY.matcher(html);
            while (dynamic.find()) {
                String pattern = "\\Q" + dynamic.group(1).replaceAll("\\$\\{[^}]*}", "\\\\E[a-zA-Z0-9_]+\\\\Q") + "\\E";
                if (keys.stream().noneMatch(k -> k.matches(pattern))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + dynamic.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyAScriptUsesExistsUnderJs() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path script : files(SCRIPTS, ".js")) {
            Matcher m = SCRIPT_KEY.matcher(Files.readString(script));
            while (m.find()) {
                String key = "js." + m.group(1);
                // t('imports.status.' + job.status): a prefix some keys must start with
                boolean found = key.endsWith(".") ? keys.stream().anyMatch(k -> k.startsWith(key)) : keys.contains(key);
                if (!found) {
                    missing.add(script.getFileName() + ": js." + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoTextOfTheirOwn() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            String html = Files.readString(template)
                    .replaceAll("(?s)<script.*?</script>", "")
                    .replaceAll("(?s)<style.*?</style>", "")
                    .replaceAll("(?s)<!--.*?-->", "");
            // attribute values may hold "a > b"; blank them so only text between tags is left
            Matcher text = Pattern.compile(">([^<]*)<").matcher(html.replaceAll("\"[^\"]*\"", "\"\""));
            while (text.find()) {
                if (text.group(1).codePoints().anyMatch(Character::isLetter)) {
                    found.add(TEMPLATES.relativize(template) + ": text \"" + text.group(1).trim() + "\"");
                }
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (attribute.group(2).codePoints().anyMatch(Character::isLetter)) {
                    found.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "=\"" + attribute.group(2) + "\"");
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void scriptsHoldNoChineseText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path script : files(SCRIPTS, ".js")) {
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    found.add(script.getFileName() + ":" + (i + 1));
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            // vendor libraries (ECharts) are not ours to translate
            return walk.filter(p -> p.toString().endsWith(suffix) && !p.toString().contains("vendor")).sorted().toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
