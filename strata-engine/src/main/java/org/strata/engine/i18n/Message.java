package org.strata.engine.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An error (or a phrase inside one) as a code and arguments, rendered in a language only when someone reads it.
 * Arguments are texts, numbers, {@code null} (shown as nothing), lists of texts or of messages (joined the way
 * the language lists things) or nested messages such as "a number".
 */
public record Message(MessageKey key, List<Object> arguments) implements LocalizedText {

    public Message {
        if (arguments.size() != key.parameters().size()) {
            throw new IllegalArgumentException(key.code() + " takes " + key.parameters() + " but got "
                    + arguments.size() + " arguments");
        }
        for (Object argument : arguments) {
            if (!isArgument(argument)) {
                throw new IllegalArgumentException(key.code() + ": an argument must be a text, a number, a "
                        + "message or a list of texts or of messages, not " + argument.getClass().getName());
            }
        }
        // whole numbers are kept as Long, so a message read back from storage equals the one written
        arguments = Collections.unmodifiableList(arguments.stream().map(Message::canonical)
                .collect(ArrayList::new, ArrayList::add, ArrayList::addAll));
    }

    private static Object canonical(Object argument) {
        return argument instanceof Integer || argument instanceof Short || argument instanceof Byte
                ? Long.valueOf(((Number) argument).longValue()) : argument;
    }

    private static boolean isArgument(Object argument) {
        if (argument instanceof List<?> list) {
            return list.stream().allMatch(item -> item instanceof String)
                    || list.stream().allMatch(item -> item instanceof Message);
        }
        return argument == null || argument instanceof String || argument instanceof Number
                || argument instanceof Character || argument instanceof Message;
    }

    /** Text that has no translation (a stored reason from before codes, a library's message): shown as is. */
    public static Message literal(String text) {
        return CommonText.TEXT.with(text == null ? "" : text);
    }

    @Override
    public String code() {
        return key.code();
    }

    @Override
    public String text(Locale locale) {
        return MessageBundles.render(this, locale);
    }

    /** The English text: logs, exception messages and callers that predate languages. */
    @Override
    public String toString() {
        return english();
    }
}
