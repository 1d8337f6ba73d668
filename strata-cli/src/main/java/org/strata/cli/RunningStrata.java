package org.strata.cli;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.util.concurrent.CountDownLatch;

/** A started Strata application. Closing it stops the server and releases the database. */
public final class RunningStrata implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    RunningStrata(ConfigurableApplicationContext context) {
        this.context = context;
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The port the web server listens on (the real one when started on port 0); -1 without a web server. */
    public int port() {
        return context instanceof WebServerApplicationContext web ? web.getWebServer().getPort() : -1;
    }

    public String url() {
        return "http://localhost:" + port();
    }

    /** Blocks until the application is stopped (Ctrl+C, SIGTERM or {@link #close()}). */
    public void awaitShutdown() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        context.close();
    }
}
