package org.strata.server.identity;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.CustomerRecord;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The record's own key, found without listing every key, must be the first of the list, or none when it is empty. */
class CustomerKeysTest {

    @Test
    void ownKeyIsTheFirstOfAllKeysOnRandomRecords() {
        Random random = new Random(7);
        String[] values = {null, "", "  ", "C1", "13800138000", "a@b.cn", " x "};
        for (int i = 0; i < 20_000; i++) {
            Map<String, String> identifiers = new LinkedHashMap<>();
            for (String kind : new String[] {"wechat_openid", "shop_user_id", "alipay_id"}) {
                String value = values[random.nextInt(values.length)];
                if (random.nextBoolean()) {
                    identifiers.put(kind, value);
                }
            }
            CustomerRecord c = new CustomerRecord("import", values[random.nextInt(values.length)], null, null,
                    values[random.nextInt(values.length)], values[random.nextInt(values.length)], null, null, null,
                    null, null, random.nextInt(5) == 0 ? null : identifiers, Map.of());

            var all = CustomerResolver.keysOf(c);
            assertThat(CustomerResolver.ownKey(c)).as("record %s", c).isEqualTo(all.isEmpty() ? null : all.get(0));
        }
    }
}
