package org.strata.server.playbook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver on 127.0.0.1, as a company's system would run one: it verifies each call's signature itself
 * (HMAC-SHA256 over "timestamp.body" with the shared secret), accepts each idempotency key once and answers a
 * duplicate with 200 without counting it again, and can fail its first N calls or be down for a while.
 */
final class Receiver implements AutoCloseable {

    private final String secret;
    private final int failFirst;
    private final String response;
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    private Receiver(String secret, int failFirst, String response) {
        this.secret = secret;
        this.failFirst = failFirst;
        this.response = response;
    }

    /** A webhook receiver checking signatures with {@code secret}, answering 503 to its first {@code failFirst} calls. */
    static Receiver webhook(String secret, int failFirst) throws IOException {
        Receiver receiver = new Receiver(secret, failFirst, "{\"ok\": true}");
        receiver.start(0);
        return receiver;
    }

    /** A stand-in for a group robot: records bodies and query strings, answers {@code response}. */
    static Receiver robot(String response) throws IOException {
        Receiver receiver = new Receiver(null, 0, response);
        receiver.start(0);
        return receiver;
    }

    private void start(int onPort) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String text = new String(body, StandardCharsets.UTF_8);
            int call = calls.incrementAndGet();
            int status = 200;
            if (call <= failFirst) {
                status = 503;
            } else if (secret != null) {
                String key = exchange.getRequestHeaders().getFirst("X-Strata-Idempotency-Key");
                String timestamp = exchange.getRequestHeaders().getFirst("X-Strata-Timestamp");
                String signature = exchange.getRequestHeaders().getFirst("X-Strata-Signature");
                if (key == null || timestamp == null || !("sha256=" + hmacHex(timestamp + "." + text))
                        .equals(signature)) {
                    badSignatures.add(String.valueOf(key));
                    status = 401;
                } else if (accepted.merge(key, 1, Integer::sum) > 1) {
                    duplicates.incrementAndGet();
                }
            } else {
                bodies.add(text);
                queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
            }
            byte[] answer = response.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    private String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Goes down: connections to its port are refused until {@link #comeBack()}. */
    void goDown() {
        server.stop(0);
    }

    void comeBack() throws IOException {
        start(port);
    }

    int calls() {
        return calls.get();
    }

    /** Distinct idempotency keys accepted with a valid signature. */
    int acceptedKeys() {
        return accepted.size();
    }

    int duplicates() {
        return duplicates.get();
    }

    List<String> badSignatures() {
        return badSignatures;
    }

    List<String> bodies() {
        return bodies;
    }

    List<String> queries() {
        return queries;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
