package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class LanguageBrowserTest extends BrowserTest {

    @Test
    void theConsoleSpeaksChineseFirstAndSwitchesToEnglishAndBack() {
        open("/customers");
        assertThat(waitFor(By.cssSelector(".nav a.active")).getText()).isEqualTo("客户");
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");

        driver.findElement(By.id("lang-en")).click();
        waitForText(By.cssSelector(".nav a.active"), "Customers");
        assertThat(driver.getCurrentUrl()).endsWith("/customers");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Customers");
        assertThat(languageCookie().getValue()).isEqualTo("en");

        open("/");
        waitForText(By.tagName("h1"), "Dashboard");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-dashboard-loaded")));
        assertThat(driver.findElement(By.id("kpi-customers")).getText()).matches("[\\d,]+");

        driver.findElement(By.id("lang-zh")).click();
        waitForText(By.tagName("h1"), "仪表盘");
    }
}
