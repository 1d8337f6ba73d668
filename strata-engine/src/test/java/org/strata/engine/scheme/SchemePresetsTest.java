package org.strata.engine.scheme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strata.engine.data.CustomerColumns;
import org.strata.engine.data.CustomerIndex;
import org.strata.engine.data.OrderColumns;
import org.strata.engine.feature.FeatureComputer;
import org.strata.engine.feature.StandardFeatures;
import org.strata.engine.model.AbcClasses;
import org.strata.engine.model.CustomerPyramid;
import org.strata.engine.model.LifecycleStages;
import org.strata.engine.model.RfmEightClasses;
import org.strata.engine.model.Segment;
import org.strata.engine.model.SegmentMap;
import org.strata.engine.model.SegmentModel;
import org.strata.engine.rule.FeatureCatalog;
import org.strata.engine.score.TierScheme;
import org.strata.engine.table.FeatureTable;
import org.strata.engine.table.TextColumn;

import static org.assertj.core.api.Assertions.assertThat;

class SchemePresetsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);
    static final Pattern MODEL_TEST = Pattern.compile("^([a-z0-9_]+) = '([a-z0-9_]+)'$");

    /** 60 customers with 0..5 purchases of different sizes and ages: every model has something to rank. */
    static FeatureTable customers() {
        CustomerIndex index = new CustomerIndex();
        CustomerColumns.Builder customers = CustomerColumns.builder(index);
        OrderColumns.Builder orders = OrderColumns.builder().zone(ZONE);
        for (int c = 0; c < 60; c++) {
            int row = customers.customer("c" + c);
            customers.attribute(row, CustomerColumns.Attribute.TYPE, c % 7 == 0 ? "distributor" : "end_customer");
            customers.created(row, AS_OF.minusDays(800));
            for (int o = 0; o < c % 6; o++) {
                orders.purchase(row, AS_OF.minusDays(3 + (c * 37L + o * 53L) % 700), 100.0 * (c + 1) * (o + 1));
            }
        }
        return new ModelColumns().addTo(FeatureComputer.compute(customers.build(), orders.build(), null, AS_OF,
                ZONE));
    }

    @Test
    void everyPresetCompilesAgainstTheStandardFeatures() {
        FeatureCatalog catalog = new FeatureCatalog(StandardFeatures.all());
        for (TieringScheme preset : SchemePresets.all()) {
            CompiledScheme compiled = CompiledScheme.compile(preset, ConditionCompiler.ruleLanguage(catalog));
            assertThat(compiled.features()).as(preset.key()).isNotEmpty();
        }
        assertThat(SchemePresets.all()).extracting(TieringScheme::key).containsExactlyElementsOf(SchemePresets.KEYS);
    }

    @Test
    void modelPresetsNameOnlySegmentsTheModelsProduce() {
        Map<String, Set<String>> segmentsByColumn = List.<SegmentModel>of(SegmentMap.rfm11(),
                        RfmEightClasses.byMean(), AbcClasses.byRevenue(), CustomerPyramid.standard(),
                        LifecycleStages.standard()).stream()
                .collect(Collectors.toMap(SegmentModel::column,
                        m -> m.segments().stream().map(Segment::key).collect(Collectors.toSet())));
        for (String key : List.of("rfm_11_segments", "rfm_8_classes", "abc", "pyramid", "lifecycle")) {
            for (Tier tier : SchemePresets.find(key).orElseThrow().tiers()) {
                Matcher test = MODEL_TEST.matcher(tier.rule());
                assertThat(test.matches()).as(key + " " + tier.key()).isTrue();
                assertThat(segmentsByColumn.get(test.group(1))).as(tier.rule()).contains(test.group(2));
            }
        }
    }

    @Test
    void aModelPresetPlacesEachCustomerInTheTierOfItsSegment() {
        FeatureTable table = customers();
        Placement placement = CompiledScheme.compile(SchemePresets.find("rfm_8_classes").orElseThrow(),
                ConditionCompiler.ruleLanguage(new FeatureCatalog(StandardFeatures.all()))).evaluate(table, AS_OF);

        String[] classes = ((TextColumn) table.column("rfm8_class")).values();
        for (int row = 0; row < table.size(); row++) {
            assertThat(placement.tierKey(row)).isEqualTo(classes[row] == null ? "no_purchase" : classes[row]);
        }
    }

    @Test
    void aSchemeFileScoresInBatchLikeTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b2b.yaml");
        Files.writeString(file, SchemeYaml.write(SchemePresets.find("b2b_manufacturing").orElseThrow()));
        FeatureTable table = customers();

        TierScheme scheme = SchemeFiles.tierScheme(file.toString(), AS_OF);
        String[] tiers = scheme.assign(table).values();

        Placement direct = CompiledScheme.compile(SchemePresets.find("b2b_manufacturing").orElseThrow(),
                ConditionCompiler.ruleLanguage(new FeatureCatalog(StandardFeatures.all()))).evaluate(table, AS_OF);
        for (int row = 0; row < table.size(); row++) {
            assertThat(tiers[row]).isEqualTo(direct.tierKey(row));
        }
        assertThat(List.of(tiers)).contains("c", "d");
        assertThat(scheme.tiers()).extracting(Segment::key).containsExactly("a", "b", "c", "d");
    }

    @Test
    void anUnknownSchemeNamesThePresetsAndFiles() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchemeFiles.tierScheme("gold", AS_OF))
                .hasMessageContaining("rfm11").hasMessageContaining("b2b_manufacturing").hasMessageContaining(".yaml");
        assertThat(SchemeFiles.tierScheme("rfm8", AS_OF).key()).isEqualTo("rfm8");
        assertThat(SchemeFiles.tierScheme("retail", AS_OF).key()).isEqualTo("retail");
        assertThat(SchemeFiles.tierScheme("abc", AS_OF)).as("batch scoring's model preset").isNotInstanceOf(
                SchemeTierScheme.class);
    }
}
