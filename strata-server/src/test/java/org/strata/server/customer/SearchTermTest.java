package org.strata.server.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How typed search text becomes exact identifier values and a name pattern. */
class SearchTermTest {

    @Test
    void aChineseMobileInAnySpellingBecomesItsE164Form() {
        assertThat(SearchTerm.of("138 1234 5678").identifierValues()).contains("+8613812345678");
        assertThat(SearchTerm.of("+86 138-1234-5678").identifierValues()).contains("+8613812345678");
        assertThat(SearchTerm.of("8613812345678").identifierValues()).contains("+8613812345678");
        assertThat(SearchTerm.of("13812345678").identifierValues()).contains("13812345678", "+8613812345678");
    }

    @Test
    void anEmailIsAlsoTriedLowerCased() {
        assertThat(SearchTerm.of(" Wang@Example.CN ").identifierValues())
                .containsExactly("Wang@Example.CN", "wang@example.cn");
    }

    @Test
    void likeWildcardsInTheTextAreSearchedLiterally() {
        assertThat(SearchTerm.of("50%_off\\").namePattern()).isEqualTo("%50\\%\\_off\\\\%");
    }

    @Test
    void onlyLettersWithCaseNeedACaseInsensitiveMatch() {
        assertThat(SearchTerm.of("王小明").hasCasedLetters()).isFalse();
        assertThat(SearchTerm.of("客户123").hasCasedLetters()).isFalse();
        assertThat(SearchTerm.of("Alice 陈").hasCasedLetters()).isTrue();
    }
}
