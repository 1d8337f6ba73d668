package org.strata.server.playbook.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** POSTs JSON with the JDK HTTP client and classifies the answer: 2xx delivered, 4xx failed, the rest retried. */
final class DeliveryHttp {

    record Response(int status, String body) {
    }

    private final HttpClient client;
    private final Duration timeout;

    DeliveryHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /**
     * The response; an exception when the receiver could not be reached. A call that fails on the connection is
     * tried once more at once: a pooled keep-alive connection the receiver has just closed fails the first request
     * sent on it, and that should not cost a back-off delay. (If the receiver did get the first request, the
     * idempotency key lets it drop the second.)
     */
    Response post(URI uri, String json, Map<String, String> headers) throws IOException {
        try {
            return send(uri, json, headers);
        } catch (IOException stale) {
            return send(uri, json, headers);
        }
    }

    private Response send(URI uri, String json, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + uri.getHost(), e);
        }
    }

    /** 2xx delivered; 408 and 429 (the receiver asks to come back) and 5xx retried; other 4xx failed for good. */
    static Outcome classify(Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered(status);
        }
        String error = "HTTP " + status + ": " + abbreviate(response.body());
        if (status == 408 || status == 429 || status >= 500) {
            return new Outcome.Retry(status, error);
        }
        return new Outcome.Failed(status, error);
    }

    static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
