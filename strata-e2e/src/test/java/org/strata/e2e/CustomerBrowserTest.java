package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class CustomerBrowserTest extends BrowserTest {

    @Test
    void filteringByTierShowsOnlyThatTierAndACustomerOpensWithHerStory() {
        open("/customers");
        new Select(waitFor(By.id("scheme"))).selectByValue("retail");
        driver.findElement(By.id("apply-filters")).click();
        new Select(waitFor(By.id("tier"))).selectByValue("loyal");
        driver.findElement(By.id("apply-filters")).click();
        List<WebElement> badges = waitFor(By.id("customer-table")).findElements(By.cssSelector("tbody .badge-tier"));
        assertThat(badges).isNotEmpty();
        String loyal = badges.get(0).getText();
        assertThat(badges).allSatisfy(b -> assertThat(b.getText()).isEqualTo(loyal));

        WebElement first = driver.findElement(By.cssSelector("#customer-table .customer-link"));
        String name = first.getText();
        first.click();
        assertThat(waitFor(By.id("customer-name")).getText()).isEqualTo(name);
        assertThat(driver.findElements(By.cssSelector("#timeline li.kind-order"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#timeline li.kind-tiering .why"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector(".tier-standing[data-scheme=retail] .current-tier")).getText())
                .isEqualTo(loyal);
    }

    @Test
    void aNameWithMarkupAndEmojiIsShownAsWrittenAndNeverRuns() throws Exception {
        String name = "<script>alert('x')</script> 王小明😀";
        post("/api/v1/customers/batch", """
                {"source": "e2e", "items": [{"customer_id": "E2E-XSS", "name": "%s", "phone": "13900001111"}]}"""
                .formatted(name.replace("\"", "\\\"")));
        open("/customers?q=E2E-XSS");
        WebElement link = waitFor(By.cssSelector("#customer-table .customer-link"));
        assertThat(link.getText()).isEqualTo(name);
        link.click();
        assertThat(waitFor(By.id("customer-name")).getText()).isEqualTo(name);
        assertThat(driver.getTitle()).isEqualTo(name);
        assertNoScriptRan();
    }
}
