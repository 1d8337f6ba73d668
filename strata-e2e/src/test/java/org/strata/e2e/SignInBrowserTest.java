package org.strata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class SignInBrowserTest extends BrowserTest {

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheDashboard() {
        driver.manage().deleteAllCookies();
        open("/customers");
        waiting().until(d -> d.getCurrentUrl().contains("/login"));

        waitFor(By.id("username")).sendKeys(USERNAME);
        driver.findElement(By.id("password")).sendKeys("not-the-password-123");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".message.error")).getText()).isEqualTo("用户名或密码错误。");
        assertThat(driver.getCurrentUrl()).contains("/login");

        signIn();
        open("/");
        waitForText(By.tagName("h1"), "仪表盘");
        assertThat(driver.manage().getCookieNamed("JSESSIONID").isHttpOnly()).isTrue();
    }
}
