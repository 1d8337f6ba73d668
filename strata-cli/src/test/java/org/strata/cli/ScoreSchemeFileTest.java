package org.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strata score --scheme FILE.yaml}: tiers from a scheme file's rules, problems with their positions. */
class ScoreSchemeFileTest {

    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    int strata(String... args) {
        CommandLine command = new CommandLine(new StrataCommand());
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void aSchemeFilePlacesEachCustomerInTheFirstMatchingTier() throws IOException {
        Path orders = write("orders.csv", """
                order_id,customer_id,ordered_at,amount
                O1,C1,2026-03-01 10:00:00,6000000
                O2,C2,2025-08-01 10:00:00,2000000
                O3,C3,2026-06-01 10:00:00,500
                """);
        Path scheme = write("tiers.yaml", """
                key: big_and_recent
                name: {zh: 大客户与近期客户, en: Big and recent}
                tiers:
                  - {key: big, name: 大客户, rule: monetary_365d >= 5000000}
                  - {key: recent, name: 近期客户, rule: recency_days <= 60}
                default: {key: other, name: 其他}
                """);
        Path out = dir.resolve("out.csv");

        int exit = strata("score", "--orders", orders.toString(), "--scheme", scheme.toString(), "--as-of",
                "2026-07-01", "--out", out.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(1).split(",")[8]).isEqualTo("big");
        assertThat(lines.get(2).split(",")[8]).isEqualTo("other");
        assertThat(lines.get(3).split(",")[8]).isEqualTo("recent");
    }

    @Test
    void problemsOfTheFileAndItsRulesNameWhereTheyAre() throws IOException {
        Path orders = write("orders.csv", "order_id,customer_id,ordered_at,amount\nO1,C1,2026-03-01,10\n");
        Path typo = write("typo.yaml", "key: t\nname: T\ntiers:\n  - {key: a, name: A, rule: monetery > 1}\n"
                + "default: {key: b, name: B}\n");
        Path broken = write("broken.yaml", "key: t\nname: T\ntiers:\n  - {key: a, name: A, rul: frequency > 1}\n"
                + "default: {key: b, name: B}\n");

        assertThat(strata("score", "--orders", orders.toString(), "--scheme", typo.toString(), "--out",
                dir.resolve("o1.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("tier a, rule 1:1: unknown feature `monetery`");
        assertThat(strata("score", "--orders", orders.toString(), "--scheme", broken.toString(), "--out",
                dir.resolve("o2.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 4:").contains("tiers[0].rul");
    }
}
