package org.strata.server.tiering;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.strata.engine.model.ValueMatrix;

/**
 * The B2B value × difficulty matrix behind the model column {@code value_matrix} (star 明星 / cash_cow 现金牛 /
 * question 问题 / dog 瘦狗), e.g. {@code strata.tiering.value-matrix.difficulty-feature=tickets_90d}.
 *
 * @param valueFeature        numeric feature on the value axis
 * @param valueThreshold      value above which an account is "high value"; unset = the median of all accounts
 * @param difficultyFeature   numeric feature on the difficulty axis (cost or effort to serve; low is favourable)
 * @param difficultyThreshold difficulty above which an account is "hard"; unset = the median
 */
@ConfigurationProperties("strata.tiering.value-matrix")
record ValueMatrixProperties(@DefaultValue("monetary_365d") String valueFeature, Double valueThreshold,
                                    @DefaultValue("tickets_365d") String difficultyFeature,
                                    Double difficultyThreshold) {

    public ValueMatrixProperties {
        try {
            new ValueMatrix(valueFeature, valueThreshold, difficultyFeature, difficultyThreshold);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("strata.tiering.value-matrix: " + e.getMessage(), e);
        }
    }

    ValueMatrix matrix() {
        return new ValueMatrix(valueFeature, valueThreshold, difficultyFeature, difficultyThreshold);
    }
}
