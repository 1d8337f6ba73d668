package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

class SchemeEditorBrowserTest extends BrowserTest {

    @Test
    void aTypoIsUnderlinedWhereItIsAndTheFixedRuleShowsHowManyCustomersMatch() {
        open("/schemes/retail");
        WebElement rule = waitFor(By.id("rule-0"));
        rule.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        rule.sendKeys("frequncy >= 5 and monetary >= 1000");
        waitForText(By.id("rule-0-problems"), "frequency");
        WebElement mark = driver.findElement(By.cssSelector("#rule-0 ~ .mirror mark, .rule-editor .mirror mark"));
        assertThat(mark.getDomProperty("textContent")).isEqualTo("frequncy");
        assertThat(driver.findElement(By.id("rule-0-problems")).getText()).contains("1", "1")
                .contains("未知指标 `frequncy`"); // the console is Chinese, so is the rule's diagnostic

        rule.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        rule.sendKeys("frequency >= 5 and monetary >= 1000");
        waitFor(By.cssSelector("#rule-0-status .match-count"));
        assertThat(driver.findElement(By.cssSelector("#rule-0-status .match-count")).getText()).matches(".*\\d.*");
        assertThat(driver.findElements(By.cssSelector("#rule-0-problems li"))).isEmpty();
    }

    @Test
    void theVisualBuilderWritesTheRuleText() {
        open("/schemes/retail");
        WebElement rule = waitFor(By.id("rule-0"));
        rule.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        rule.sendKeys("frequency >= 5");
        driver.findElement(By.cssSelector("#tiers .tier-card .builder-toggle")).click();
        WebElement value = waitFor(By.cssSelector("#tiers .builder input[type=text]"));
        value.sendKeys(Keys.chord(Keys.CONTROL, "a"), "8", Keys.TAB);
        waiting().until(d -> d.findElement(By.id("rule-0")).getDomProperty("value").equals("frequency >= 8"));
    }

    @Test
    void aDryRunShowsTheMigrationMatrixAndPublishingAddsAVersion() {
        open("/schemes/retail");
        waitFor(By.id("rule-0"));
        driver.findElement(By.id("dry-run")).click();
        waitFor(By.id("dry-run-matrix"));
        assertThat(driver.findElement(By.id("dry-run-summary")).getText()).matches(".*\\d.*");
        driver.findElement(By.id("publish-note")).sendKeys("e2e publish");
        driver.findElement(By.id("publish")).click();
        waitForText(By.id("editor-notice"), "v");
        waiting().until(d -> d.findElements(By.cssSelector("#versions-table tbody tr")).size() >= 2);
        driver.findElement(By.cssSelector("#versions-table tbody tr button")).click();
        waitFor(By.id("version-diff"));
    }
}
