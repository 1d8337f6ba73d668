package org.strata.engine.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteIdTableTest {

    @Test
    void absorbingAnotherTableKeepsFirstAppearanceOrderAndFindsSharedIds() {
        SplittableRandom random = new SplittableRandom(7);
        // small tables so that probe runs wrap around, collide and the absorbing table has to grow
        ByteIdTable first = new ByteIdTable(16);
        ByteIdTable second = new ByteIdTable(16);
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<String> secondIds = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String id = "C" + random.nextInt(4000);
            first.getOrAdd(id);
            expected.putIfAbsent(id, expected.size());
        }
        for (int i = 0; i < 3000; i++) {
            String id = "C" + random.nextInt(8000);
            if (second.getOrAdd(id) == secondIds.size()) {
                secondIds.add(id);
            }
        }
        for (String id : secondIds) {
            expected.putIfAbsent(id, expected.size());
        }

        int[] renumber = first.absorb(second);

        assertThat(first.size()).isEqualTo(expected.size());
        for (int id = 0; id < secondIds.size(); id++) {
            assertThat(renumber[id]).as(secondIds.get(id)).isEqualTo(expected.get(secondIds.get(id)));
        }
        expected.forEach((id, row) -> {
            assertThat(first.idString(row)).isEqualTo(id);
            assertThat(first.getOrAdd(id)).as("looked up after absorbing").isEqualTo(row);
        });
    }
}
