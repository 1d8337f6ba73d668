package org.strata.server.ingest;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One customer as a source describes it, already validated and normalised: phone in +86 E.164, email lower-case.
 *
 * @param source      where it came from ("import", "shop", "crm" ...); namespaces {@code externalId} and {@code identifiers}
 * @param externalId  the company's own customer id in that source (客户编号), may be null when phone or email identify the customer
 * @param type        "person" or "company"
 * @param owner       owner's username, may be null
 * @param team        owner team's code, may be null
 * @param createdAt   may be null (then: time of import)
 * @param identifiers further source-specific ids by kind: shop_user_id, wechat_openid, wechat_unionid, crm_id ...
 * @param attributes  custom attributes (columns not mapped to a known field), kept as text
 */
public record CustomerRecord(String source, String externalId, String name, String type, String phone, String email,
                             String owner, String team, String industry, String region, OffsetDateTime createdAt,
                             Map<String, String> identifiers, Map<String, String> attributes) {
}
