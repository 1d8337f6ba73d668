package org.strata.server.i18n;

import org.springframework.boot.jackson.JacksonComponent;
import org.springframework.context.i18n.LocaleContextHolder;
import org.strata.engine.i18n.Message;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes a {@link Message} as its text in the language of the request being answered, so every record that carries
 * one (rule diagnostics, rejected batch items ...) reads Chinese or English as its reader asked, with no mapping code
 * in the controllers. Outside a request (a scheduled job) the JVM's locale decides.
 */
@JacksonComponent
class MessageJson extends ValueSerializer<Message> {

    @Override
    public void serialize(Message message, JsonGenerator json, SerializationContext context) {
        json.writeString(message.text(LocaleContextHolder.getLocale()));
    }
}
