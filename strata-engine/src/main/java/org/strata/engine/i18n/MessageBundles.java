package org.strata.engine.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders messages from their bundles. A bundle is {@code <base>.properties} (English, the default) plus
 * {@code <base>_zh_CN.properties} (Simplified Chinese), read as UTF-8. Placeholders are {@code {name}} — named, not
 * numbered, so a translator can reorder them — and nothing else is special (an apostrophe is just an apostrophe,
 * unlike in {@link java.text.MessageFormat}; numbers are not grouped, so "line 1234" stays "line 1234").
 */
public final class MessageBundles {

    /** The engine's own bundle: rule language, scheme files and the batch CSV reader. */
    public static final String ENGINE = "org.strata.engine.i18n.errors";

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    // Without this control an English request on a server whose JVM runs in zh_CN would fall back to the JVM's
    // locale and get Chinese: the only fallback wanted is the English base bundle.
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();

    private MessageBundles() {
    }

    /** The language texts are rendered in for {@code locale}: Simplified Chinese for any Chinese, else English. */
    public static Locale language(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : Locale.ENGLISH;
    }

    public static String render(Message message, Locale locale) {
        Locale language = language(locale);
        String pattern = text(message.key().bundle(), message.code(), language);
        List<String> names = message.key().parameters();
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        while (placeholder.find()) {
            int index = names.indexOf(placeholder.group(1));
            String value = index < 0 ? placeholder.group() : shown(message.arguments().get(index), language);
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static String shown(Object argument, Locale language) {
        if (argument == null) {
            return "";
        }
        if (argument instanceof Message nested) {
            return render(nested, language);
        }
        if (argument instanceof List<?> items) {
            boolean problems = !items.isEmpty() && items.get(0) instanceof Message;
            String separator = text(ENGINE, (problems ? CommonText.ITEM_SEPARATOR : CommonText.LIST_SEPARATOR).code(),
                    language);
            return items.stream().map(item -> shown(item, language)).collect(Collectors.joining(separator));
        }
        return String.valueOf(argument);
    }

    /** The raw text of {@code code}; a missing key shows itself rather than failing an error report. */
    private static String text(String bundle, String code, Locale language) {
        try {
            return bundle(bundle, language).getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
    }

    private static ResourceBundle bundle(String base, Locale language) {
        return BUNDLES.computeIfAbsent(base + "|" + language,
                k -> ResourceBundle.getBundle(base, language, MessageBundles.class.getClassLoader(), NO_FALLBACK));
    }

    /**
     * What is wrong with the bundles of {@code keys}: a code missing in the English or the Chinese file, a
     * placeholder a text uses but the key does not declare, or a declared argument a text leaves out; and codes a
     * file holds that no key declares (left over after a rename). Empty when both languages have every code with the
     * same placeholders. Each area's test runs it over its keys.
     */
    public static List<String> problems(String base, List<? extends MessageKey> keys) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = keys.stream().map(MessageKey::code).collect(Collectors.toSet());
        for (String suffix : List.of("", "_zh_CN")) {
            String file = base.replace('.', '/') + suffix + ".properties";
            Properties texts = load(file);
            if (texts == null) {
                problems.add(file + " is missing");
                continue;
            }
            for (MessageKey key : keys) {
                String text = texts.getProperty(key.code());
                if (text == null) {
                    problems.add(key.code() + " is missing in " + file);
                    continue;
                }
                Set<String> used = placeholders(text);
                Set<String> parameters = new LinkedHashSet<>(key.parameters());
                if (!used.equals(parameters)) {
                    problems.add(key.code() + " in " + file + " places " + used + " but takes " + parameters);
                }
            }
            texts.stringPropertyNames().stream().filter(code -> !declared.contains(code)).sorted()
                    .forEach(code -> problems.add(code + " in " + file + " is declared by no key"));
        }
        return problems;
    }

    private static Properties load(String file) {
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                return null;
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
