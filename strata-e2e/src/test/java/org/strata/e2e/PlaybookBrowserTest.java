package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A playbook from the form to a done task: a typo in the filter is marked where it is and refused by the API next to
 * the field, the fixed playbook is saved, running the scheme creates its tasks, one is completed with an outcome on
 * the Tasks page, and the page switches to English. Then an SLA policy and its compliance report.
 */
class PlaybookBrowserTest extends BrowserTest {

    static final String NAME = "A 类首访 <b>关怀</b>😀";

    @Test
    void aPlaybookMadeInTheFormCreatesTasksThatAreCompletedWithAnOutcome() throws Exception {
        post("/api/v1/tiering/presets/abc/instantiate", "{}");
        post("/api/v1/tiering/schemes/abc/publish", "{\"note\":\"e2e playbooks\"}");

        open("/playbooks");
        waitFor(By.id("new-playbook")).click();
        // ChromeDriver types only characters of the Basic Multilingual Plane, so emoji are set as a user's paste would
        enter(waitFor(By.id("name-zh")), NAME);
        new Select(driver.findElement(By.id("trigger-kind"))).selectByValue("entered_tier");
        new Select(driver.findElement(By.id("trigger-scheme"))).selectByValue("abc");
        new Select(driver.findElement(By.id("trigger-tier"))).selectByValue("a");
        WebElement filter = driver.findElement(By.id("filter"));
        filter.sendKeys("frequncy >= 2");
        waitForText(By.id("filter-problems"), "frequency");
        assertThat(driver.findElement(By.cssSelector("#filter-editor .mirror mark")).getDomProperty("textContent"))
                .isEqualTo("frequncy");
        assertThat(driver.findElement(By.id("filter-problems")).getText()).startsWith("第 1 行第 1 列");
        WebElement title = driver.findElement(By.cssSelector("#actions .action-card[data-kind=task] [data-setting=title]"));
        enter(title, "首次拜访 😀");

        // saved with the typo: the API refuses it and the page says so next to the filter
        driver.findElement(By.id("save-playbook")).click();
        WebElement error = waitFor(By.cssSelector("[data-pointer='/filter'] .field-error"));
        assertThat(error.getText()).contains("1:1");
        assertThat(filter.getDomAttribute("aria-invalid")).isEqualTo("true");
        capture("PlaybookBrowserTest-editor-filter-typo");

        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        filter.sendKeys("frequency >= 2");
        waitFor(By.cssSelector("#filter-status.ok"));
        assertThat(driver.findElements(By.cssSelector("#filter-problems li"))).isEmpty();
        driver.findElement(By.id("save-playbook")).click();

        WebElement row = waitFor(By.cssSelector("#playbook-table .playbook-row"));
        assertThat(row.findElement(By.cssSelector(".playbook-link")).getText()).isEqualTo(NAME);
        assertThat(row.getText()).contains("进入层级", "A 类客户", "创建任务", "尚未触发");
        capture("PlaybookBrowserTest-list");

        open("/runs");
        WebElement runNow = waitFor(By.cssSelector(".schedule-row[data-scheme=abc] .run-now"));
        runNow.click();
        waitForText(By.id("runs-notice"), "#");
        // the page reloads itself to show the run; leaving before that could be undone by the reload
        waiting().until(ExpectedConditions.stalenessOf(runNow));
        waitFor(By.id("runs-table"));

        // the delivery worker creates the tasks shortly after the run commits
        open("/tasks?view=all");
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            if (d.findElements(By.cssSelector("#task-table .task-row")).isEmpty()) {
                d.navigate().refresh();
                return false;
            }
            return true;
        });
        List<WebElement> tasks = driver.findElements(By.cssSelector("#task-table .task-row"));
        assertThat(tasks.get(0).findElement(By.cssSelector(".task-title")).getText()).isEqualTo("首次拜访 😀");
        assertThat(tasks.get(0).findElement(By.cssSelector(".customer-link")).getDomAttribute("href"))
                .matches("/customers/\\d+");
        capture("PlaybookBrowserTest-tasks");

        String customer = tasks.get(0).findElement(By.cssSelector(".customer-link")).getText();
        tasks.get(0).findElement(By.cssSelector(".complete-task")).click();
        WebElement outcome = waitFor(By.id("outcome"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(outcome);
        outcome.sendKeys("已电话联系，约定下周拜访");
        capture("PlaybookBrowserTest-complete-dialog");
        driver.findElement(By.id("complete-submit")).click();
        waitForText(By.id("tasks-notice"), "任务已完成");

        open("/tasks?view=all&state=done");
        WebElement done = waitFor(By.cssSelector("#task-table .task-row.state-done"));
        assertThat(done.findElement(By.cssSelector(".task-outcome")).getText()).isEqualTo("已电话联系，约定下周拜访");
        assertThat(done.findElement(By.cssSelector(".customer-link")).getText()).isEqualTo(customer);
        assertThat(done.getText()).contains(USERNAME);

        driver.findElement(By.id("lang-en")).click();
        waitForText(By.tagName("h1"), "Tasks");
        assertThat(driver.findElement(By.cssSelector("#task-table .state-badge")).getText()).isEqualTo("Done");
        assertThat(driver.findElement(By.id("view-all")).getText()).isEqualTo("All tasks I can see");

        open("/playbooks");
        assertThat(waitFor(By.cssSelector("#playbook-table .playbook-row")).getText())
                .contains("Entered a tier", "Class A", "Create a task").doesNotContain("Never");
        assertNoScriptRan();
    }

    @Test
    void anSlaPolicyIsSetForATierAndTheComplianceReportShowsIt() throws Exception {
        open("/sla");
        WebElement scheme = waitFor(By.id("sla-scheme"));
        new Select(scheme).selectByValue("retail");
        new Select(driver.findElement(By.id("sla-tier"))).selectByIndex(0);
        new Select(driver.findElement(By.id("sla-kind"))).selectByValue("contact_interval");
        assertThat(driver.findElement(By.id("sla-amount-label")).getText()).isEqualTo("间隔（天）");
        WebElement amount = driver.findElement(By.id("sla-amount"));
        amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30");
        driver.findElement(By.id("sla-save")).click();
        waitForText(By.id("sla-table"), "至少每 30 天联系一次");
        waiting().until(d -> !d.findElements(By.cssSelector("#compliance-table tbody tr")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#chart-sla-compliance canvas")).isDisplayed()).isTrue();

        driver.findElement(By.cssSelector("#sla-table .edit-policy")).click();
        WebElement days = driver.findElement(By.id("sla-amount"));
        assertThat(days.getDomProperty("value")).isEqualTo("30");
        days.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
        driver.findElement(By.id("sla-save")).click();
        assertThat(waitFor(By.cssSelector("[data-pointer='/hours'] .field-error")).getText()).contains("hours");
        days.sendKeys(Keys.chord(Keys.CONTROL, "a"), "14");
        driver.findElement(By.id("sla-save")).click();
        waitForText(By.id("sla-table"), "至少每 14 天联系一次");
        assertThat(driver.findElement(By.id("sla-table")).getText()).contains("最长联系间隔 14 天");
        assertThat(driver.findElement(By.id("sla-cancel-edit")).isDisplayed()).isFalse();
    }

    /** Puts text into a field and tells the page, as typing would (an input event). */
    private void enter(WebElement field, String text) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                field, text);
    }
}
