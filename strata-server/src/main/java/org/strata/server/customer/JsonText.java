package org.strata.server.customer;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/** JSON documents stored as text (custom attributes, event properties), parsed for the API. */
@Component
public class JsonText {

    private final ObjectMapper mapper;

    public JsonText(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The parsed document (maps, lists, numbers ...), or null for no text. Legacy rows may hold text that is not
     * JSON; it is returned as the plain string rather than failing the whole customer page.
     */
    public Object parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return mapper.readValue(text, Object.class);
        } catch (JacksonException notJson) {
            return text;
        }
    }
}
