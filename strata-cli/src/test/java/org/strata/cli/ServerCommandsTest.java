package org.strata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server commands parse, explain themselves and really start Strata. */
class ServerCommandsTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new StrataCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void everyServerCommandHasHelp() {
        Run serve = run("serve", "--help");
        assertThat(serve.exitCode()).isZero();
        assertThat(serve.out()).contains("--port", "--data", "--db", "--db-user", "--db-password", "STRATA_DB_URL");
        Run demo = run("demo", "--help");
        assertThat(demo.exitCode()).isZero();
        assertThat(demo.out()).contains("--port", "--data", "demo company");
        Run quality = run("quality", "--help");
        assertThat(quality.exitCode()).isZero();
        assertThat(quality.out()).contains("--json", "--source", "--db");
        assertThat(run("--help").out()).contains("serve", "demo", "quality");
    }

    @Test
    void dataFolderAndJdbcUrlTogetherAreRejected() {
        Run run = run("serve", "--data", "/tmp/x", "--db", "jdbc:postgresql://localhost/strata");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("either --data", "--db");
    }

    @Test
    void somethingThatIsNotAJdbcUrlIsRejectedWithAnExample() {
        Run run = run("serve", "--db", "postgres://localhost/strata");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("postgres://localhost/strata", "jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void serveOnAnEmbeddedDatabaseAnswersHealthChecksAndNothingElseWithoutSigningIn(@TempDir Path data)
            throws Exception {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", String.valueOf(freePort()), "--data", data.toString());
        // system properties stand in for the environment variables here (Spring reads both alike)
        System.setProperty("STRATA_ADMIN_USER", "first.admin");
        System.setProperty("STRATA_ADMIN_PASSWORD", "a long enough password");
        try (RunningStrata strata = serve.start()) {
            HttpResponse<String> health = get(strata, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(data.resolve("strata.mv.db")).exists();
            assertThat(get(strata, "/api/v1/customers").statusCode()).isEqualTo(401);
        } finally {
            System.clearProperty("STRATA_ADMIN_USER");
            System.clearProperty("STRATA_ADMIN_PASSWORD");
        }
    }

    @Test
    void serveRefusesToStartWhenNobodyCouldSignIn(@TempDir Path data) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "0", "--data", data.toString());
        assertThatThrownBy(serve::start).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("STRATA_ADMIN_USER").hasMessageContaining("no default password");
    }

    private static HttpResponse<String> get(RunningStrata strata, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strata.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPortInUseIsReportedAsSuch(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            ServeCommand serve = new ServeCommand();
            new CommandLine(serve).parseArgs("--port", String.valueOf(taken.getLocalPort()), "--data",
                    data.toString());
            assertThatThrownBy(serve::start).isInstanceOf(StartupFailure.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("--port");
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedInTheError() {
        ServeCommand serve = new ServeCommand();
        int closedPort = freePort();
        new CommandLine(serve).parseArgs("--port", "0", "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/strata",
                "--db-user", "strata");
        assertThatThrownBy(serve::start).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:" + closedPort + "/strata");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
