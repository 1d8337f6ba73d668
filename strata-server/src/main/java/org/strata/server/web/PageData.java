package org.strata.server.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Data for a page's script as the text of a {@code <script type="application/json">} block. The characters that
 * could end the block or open markup ({@code < > &}) are written as JSON escapes, so a name such as
 * {@code </script><script>...} stays a string; outside strings JSON never contains them.
 */
@Component
class PageData {

    private final ObjectMapper json;

    PageData(ObjectMapper json) {
        this.json = json;
    }

    String of(Object data) {
        return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
