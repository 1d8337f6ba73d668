package org.strata.engine.rule;

import org.strata.engine.feature.FeatureDefinition;
import org.strata.engine.feature.FeatureType;

/** A small catalog like the one the models module declares, for rule tests. */
public final class TestFeatures {

    private TestFeatures() {
    }

    public static final FeatureCatalog CATALOG = FeatureCatalog.of(
            feature("recency_days", FeatureType.NUMBER, "days", "最近消费天数", "Recency (days)"),
            feature("frequency", FeatureType.NUMBER, "orders", "消费频次", "Frequency"),
            feature("monetary", FeatureType.NUMBER, "CNY", "消费金额", "Monetary"),
            feature("region", FeatureType.TEXT, "", "区域", "Region"),
            feature("is_company", FeatureType.BOOLEAN, "", "企业客户", "Company"),
            feature("last_order_date", FeatureType.DATE, "", "最近下单日期", "Last order date"),
            feature("first_order_date", FeatureType.DATE, "", "首次下单日期", "First order date"),
            feature("tags", FeatureType.TAGS, "", "标签", "Tags"));

    public static FeatureDefinition feature(String name, FeatureType type, String unit, String zh, String en) {
        return new FeatureDefinition(name, type, unit, zh, en, en);
    }

    public static Rule rule(String source) {
        return RuleChecker.check(source, CATALOG).orThrow();
    }

    public static java.util.List<String> errors(String source) {
        return RuleChecker.check(source, CATALOG).diagnostics().stream().map(Diagnostic::toString).toList();
    }
}
