package org.strata.engine.scheme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemeYamlTest {

    @Test
    void everyPresetSurvivesExportAndImportUnchanged() {
        for (String key : SchemePresets.KEYS) {
            TieringScheme preset = SchemePresets.find(key).orElseThrow();
            assertThat(preset.key()).isEqualTo(key);
            assertThat(SchemeYaml.read(SchemeYaml.write(preset))).as(key).isEqualTo(preset);
        }
    }

    @Test
    void exportKeepsChineseTextReadable() {
        String yaml = SchemeYaml.write(SchemePresets.find("b2b_manufacturing").orElseThrow());

        assertThat(yaml).contains("制造业 B2B 客户分级").contains("rule: monetary_365d >= 5000000")
                .contains("downgrade_after_runs: 2");
    }

    @Test
    void problemsNameTheirLineAndFieldAndAreAllReported() {
        String yaml = """
                key: shop
                name: {zh: 商店, en: Shop}
                tiers:
                  - key: vip
                    name: 贵宾
                    rul: monetary >= 100
                  - key: 9lives
                    name: 九
                    rule: frequency > 1
                default: {key: rest, name: 其他}
                hysteresis: {downgrade_after_runs: often}
                """;

        assertThatThrownBy(() -> SchemeYaml.read(yaml)).isInstanceOfSatisfying(SchemeYamlException.class, e -> {
            assertThat(e.problems()).extracting(YamlProblem::field)
                    .contains("tiers[0].rul", "tiers[0]", "tiers[1]", "hysteresis.downgrade_after_runs");
            YamlProblem unknown = e.problems().stream().filter(p -> p.field().equals("tiers[0].rul")).findFirst()
                    .orElseThrow();
            assertThat(unknown.line()).isEqualTo(6);
            assertThat(unknown.column()).isEqualTo(5);
            assertThat(unknown.message().english()).contains("did you mean rule?");
            assertThat(e.getMessage()).contains("line 11:").contains("expected a whole number, found 'often'");
            assertThat(unknown.text(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("第 6 行第 5 列（tiers[0].rul）："
                    + "未知字段 rul；此处可用的字段：" + unknown.message().arguments().get(1) + "（您是不是要写 rule？）");
            assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("此处应为整数，实际是“often”");
        });
    }

    @Test
    void brokenYamlReportsWhereItBroke() {
        assertThatThrownBy(() -> SchemeYaml.read("key: x\ntiers: [\n  - a: b\n"))
                .isInstanceOfSatisfying(SchemeYamlException.class,
                        e -> assertThat(e.problems().get(0).line()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aPlainNameServesBothLanguagesAndHysteresisDefaultsToNone() {
        TieringScheme scheme = SchemeYaml.read("""
                key: simple
                name: 简单
                tiers:
                  - {key: a, name: 甲, rule: frequency > 1}
                default: {key: b, name: 乙}
                """);

        assertThat(scheme.nameZh()).isEqualTo("简单");
        assertThat(scheme.nameEn()).isEqualTo("简单");
        assertThat(scheme.hysteresis()).isEqualTo(Hysteresis.NONE);
        assertThat(scheme.allTiers()).extracting(Tier::key).containsExactly("a", "b");
    }
}
