package org.strata.server.identity;

import org.junit.jupiter.api.Test;
import org.strata.server.ingest.IdentityKey;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharedKeysTest {

    private static final IdentityKey C1 = IdentityKey.externalId("shop", "C1");
    private static final IdentityKey PHONE = IdentityKey.phone("+8613800000001");
    private static final IdentityKey EMAIL = IdentityKey.email("a@example.cn");

    @Test
    void laterHoldersLinkToTheFirstInFileOrderRecordByRecordKeyByKey() {
        SharedKeys.Resolution resolution = SharedKeys.resolve(List.of(
                new SharedKeys.Holder(EMAIL, 5, 2, false),
                new SharedKeys.Holder(PHONE, 1, 1, true),
                new SharedKeys.Holder(PHONE, 5, 1, false),
                new SharedKeys.Holder(EMAIL, 3, 1, true),
                new SharedKeys.Holder(PHONE, 4, 0, false)));

        assertThat(resolution.folded()).isEmpty();
        assertThat(resolution.toStore()).isEmpty();
        assertThat(resolution.links()).containsExactly(
                new SharedKeys.Link(4, 0, PHONE, 1),
                new SharedKeys.Link(5, 1, PHONE, 1),
                new SharedKeys.Link(5, 2, EMAIL, 3));
    }

    @Test
    void aRecordWhoseOwnKeyALaterRecordHasAsItsOwnFoldsAwayWithItsKeys() {
        // records 0 and 7 are both C1 (7 wins); record 0's phone, first copied, is then first brought by record 3
        SharedKeys.Resolution resolution = SharedKeys.resolve(List.of(
                new SharedKeys.Holder(C1, 0, 0, true),
                new SharedKeys.Holder(C1, 7, 0, false),
                new SharedKeys.Holder(PHONE, 0, 1, true),
                new SharedKeys.Holder(PHONE, 3, 0, false),
                new SharedKeys.Holder(PHONE, 7, 1, false)));

        assertThat(resolution.folded()).containsExactly(0L);
        assertThat(resolution.toStore()).containsExactly(
                new SharedKeys.Holder(PHONE, 3, 0, false),
                new SharedKeys.Holder(C1, 7, 0, false));
        assertThat(resolution.links()).containsExactly(new SharedKeys.Link(7, 1, PHONE, 3));
    }

    @Test
    void aKeySharedAtAnotherPlaceThanFirstDoesNotFold() {
        // the phone is record 2's own key but record 1's second: two customers, merged by the phone
        SharedKeys.Resolution resolution = SharedKeys.resolve(List.of(
                new SharedKeys.Holder(PHONE, 1, 1, true),
                new SharedKeys.Holder(PHONE, 2, 0, false)));

        assertThat(resolution.folded()).isEmpty();
        assertThat(resolution.links()).containsExactly(new SharedKeys.Link(2, 0, PHONE, 1));
    }

    @Test
    void aKeyHeldBackOnlyForItsFingerprintIsStoredForItsOneHolder() {
        SharedKeys.Resolution resolution = SharedKeys.resolve(List.of(new SharedKeys.Holder(EMAIL, 9, 2, false)));

        assertThat(resolution.toStore()).containsExactly(new SharedKeys.Holder(EMAIL, 9, 2, false));
        assertThat(resolution.links()).isEmpty();
        assertThat(resolution.folded()).isEmpty();
    }
}
