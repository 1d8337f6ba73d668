package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class DashboardBrowserTest extends BrowserTest {

    @Test
    void dashboardDrawsEveryChartFromTheDemoData() {
        open("/");
        waitFor(By.id("scheme"));
        // the demo's own scheme, published and run monthly by the demo set-up: nothing published by the test
        new Select(driver.findElement(By.id("scheme"))).selectByValue("rfm_8_classes");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-dashboard-loaded"))
                && d.findElement(By.id("since-run")).findElements(By.tagName("option")).size() >= 3);
        assertThat(driver.findElement(By.id("kpi-customers")).getText()).matches("[\\d,]+");
        List<WebElement> panels = driver.findElements(By.cssSelector("[data-chart]"));
        assertThat(panels).hasSize(7);
        for (WebElement panel : panels) {
            // ECharts draws on a canvas inside the chart element; an empty chart has none.
            assertThat(panel.findElements(By.tagName("canvas"))).as(panel.getDomAttribute("data-chart")).isNotEmpty();
        }
        Object tiers = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-tiers-count')).getOption().series[0].data.length");
        assertThat(((Number) tiers).intValue()).as("eight classes and no purchase").isEqualTo(9);
        Object history = ((JavascriptExecutor) driver).executeScript(
                "return echarts.getInstanceByDom(document.getElementById('chart-history')).getOption().xAxis[0].data.length");
        assertThat(((Number) history).intValue()).as("the demo's monthly runs in the history")
                .isGreaterThanOrEqualTo(12);
    }
}
