package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

class ImportWizardBrowserTest extends BrowserTest {

    @Test
    void aFileWithABadRowIsImportedAndTheRowIsShownInTheErrorReport() throws Exception {
        Path file = Files.createTempFile("orders-", ".csv");
        Files.writeString(file, """
                订单号,会员号,下单时间,实付金额
                E2E-1,E2E-C1,2026-10-01 10:00:00,199.00
                E2E-2,E2E-C1,2026-10-02 11:00:00,不是金额
                E2E-3,E2E-C2,2026/10/3,¥1,280.50
                """.replace("¥1,280.50", "\"¥1,280.50\""), StandardCharsets.UTF_8);
        open("/imports");
        waitFor(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
        new Select(driver.findElement(By.id("import-kind"))).selectByValue("orders");
        driver.findElement(By.id("import-source")).sendKeys("e2e");
        driver.findElement(By.id("to-preview")).click();

        WebElement mapping = waitFor(By.id("mapping-table"));
        assertThat(new Select(mapping.findElement(By.id("map-amount"))).getFirstSelectedOption().getText())
                .isEqualTo("实付金额");
        assertThat(waitFor(By.id("preview-table")).getText()).contains("不是金额");

        driver.findElement(By.id("run-import")).click();
        WebElement errors = waitFor(By.id("error-table"));
        assertThat(errors.getText()).contains("3", "amount", "不是金额", "不是有效金额"); // the reason in Chinese too
        assertThat(driver.findElement(By.id("import-counts")).getText()).contains("2", "1");
        assertThat(driver.findElement(By.id("error-report")).getDomAttribute("href")).endsWith("/errors");
    }
}
