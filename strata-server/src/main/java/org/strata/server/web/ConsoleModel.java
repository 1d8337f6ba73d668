package org.strata.server.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.strata.server.access.CurrentUser;
import org.strata.server.access.Permission;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page needs besides its own data: the language and the strings its scripts show (every key
 * under {@code js.}), so that scripts never carry text of their own.
 */
@ControllerAdvice(assignableTypes = ConsolePage.class)
class ConsoleModel {

    private static final String SCRIPT_PREFIX = "js.";

    private final MessageSource messages;

    ConsoleModel(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("lang")
    String language(Locale locale) {
        return ConsoleLanguages.of(locale).toLanguageTag();
    }

    @ModelAttribute("english")
    boolean english(Locale locale) {
        return ConsoleLanguages.isEnglish(locale);
    }

    /** The permissions of the signed-in person by name, so pages show only the links and buttons they may use. */
    @ModelAttribute("can")
    Set<String> permissions() {
        return Arrays.stream(Permission.values()).filter(CurrentUser::can).map(Enum::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    @ModelAttribute("scriptMessages")
    Map<String, String> scriptMessages(Locale locale) {
        Locale language = ConsoleLanguages.of(locale);
        Map<String, String> strings = new TreeMap<>();
        // The default bundle holds every key (the test of the bundles checks that), so its key set is complete.
        ResourceBundle bundle = ResourceBundle.getBundle("messages", Locale.ROOT);
        for (String key : bundle.keySet()) {
            if (key.startsWith(SCRIPT_PREFIX)) {
                strings.put(key.substring(SCRIPT_PREFIX.length()), messages.getMessage(key, null, language));
            }
        }
        return strings;
    }
}
