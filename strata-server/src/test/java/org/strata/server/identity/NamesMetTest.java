package org.strata.server.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesMetTest {

    @Test
    void remembersEachNameOnceAndNoAbsentOne() {
        NamesMet names = new NamesMet();
        names.add("wang.fang");
        names.add(null);
        names.add("sun.li");
        names.add("wang.fang");
        assertThat(names.names()).hasValueSatisfying(list -> assertThat(list)
                .containsExactlyInAnyOrder("wang.fang", "sun.li"));
    }

    @Test
    void forgetsEverythingPastTheLimitSoThatTheNamesAreReadFromTheStage() {
        NamesMet names = new NamesMet();
        for (int i = 0; i < NamesMet.LIMIT; i++) {
            names.add("owner" + i);
        }
        assertThat(names.names()).hasValueSatisfying(list -> assertThat(list).hasSize(NamesMet.LIMIT));
        names.add("one too many");
        names.add("owner0");
        assertThat(names.names()).isEmpty();
    }
}
