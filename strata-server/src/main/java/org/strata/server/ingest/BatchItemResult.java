package org.strata.server.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.strata.engine.i18n.Message;

import java.util.List;

/**
 * The outcome of one item of a REST batch.
 *
 * @param index  the item's position in {@code items}, from 0
 * @param status accepted or rejected
 * @param id     the stored row's id (for a customer: the customer it resolved to, after merges); null when rejected
 * @param errors why the item was rejected, each naming the JSON pointer of the offending member, with a stable
 *               {@code code} and the {@code reason} in the request's language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(int index, String status, Long id, List<FieldError> errors) {

    public record FieldError(String field, Message reason) {

        /** Machine-readable, e.g. {@code import.error.not_a_date}: clients match on it instead of the text. */
        @JsonProperty("code")
        public String code() {
            return reason.code();
        }
    }
}
