package io.rrralgorithms.jobs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Debian's {@code chromium} in headless mode (.ci/run installs it where missing): the DOM of a page
 * after its scripts ran ({@code --dump-dom}, with {@code --virtual-time-budget} for the timers and
 * fetches) and screenshots, each in a fresh profile; what the page logged to its console is kept;
 * and a phone-sized screen through the DevTools protocol ({@link #phone}).
 */
final class HeadlessChromium {
    static final String BINARY = System.getProperty("rrr.chromium", "chromium");
    static final ObjectMapper JSON = new ObjectMapper();

    /** A run's standard output (the DOM, for --dump-dom) and its log (console messages among them). */
    record Result(String stdout, String log) {}

    private HeadlessChromium() {}

    static Result run(Path tmp, String url, int width, int height, String... extra) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=" + width + "," + height, "--virtual-time-budget=5000"));
        cmd.addAll(List.of(extra));
        cmd.add(url);
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Path err = Files.createTempFile(tmp, "chromium", ".log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("chromium not found (" + e.getMessage() + "): apt-get install chromium "
                    + "(.ci/run does), or -Drrr.chromium=PATH", e);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
        }
        String log = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + log);
        return new Result(Files.readString(out, StandardCharsets.UTF_8), log);
    }

    static Result dumpDom(Path tmp, String url, int width, int height) throws Exception {
        return run(tmp, url, width, height, "--dump-dom");
    }

    static Result screenshot(Path tmp, String url, Path png, int width, int height) throws Exception {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        Result r = run(tmp, url, width, height, "--hide-scrollbars", "--screenshot=" + png.toAbsolutePath());
        assertTrue(Files.isRegularFile(png), "no screenshot " + png + ": " + r.log());
        return r;
    }

    /** What {@link #phone} saw: the value of the expression, the page's errors, the screenshot. */
    record Emulated(JsonNode value, List<String> errors, Path screenshot) {}

    /**
     * The page on an emulated phone ({@code Emulation.setDeviceMetricsOverride}, mobile: headless
     * windows are at least 500 px wide, so a 390 px screen needs the DevTools protocol, spoken here
     * over the JDK's WebSocket client): loads {@code url}, waits until {@code ready} (a JavaScript
     * expression) is true, returns the value of {@code expression} (JSON-serializable), the
     * exceptions and console errors of the page, and a screenshot.
     */
    static Emulated phone(Path tmp, String url, int width, int height, String ready, String expression, Path png)
            throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank");
        Path log = Files.createTempFile(tmp, "chromium", ".log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("chromium not found (" + e.getMessage() + "): apt-get install chromium", e);
        }
        try (DevTools page = DevTools.connect(profile, p, log)) {
            page.send("Runtime.enable", JSON.createObjectNode());
            page.send("Page.enable", JSON.createObjectNode());
            ObjectNode metrics = JSON.createObjectNode().put("width", width).put("height", height)
                    .put("deviceScaleFactor", 1).put("mobile", true);
            page.send("Emulation.setDeviceMetricsOverride", metrics);
            page.send("Page.navigate", JSON.createObjectNode().put("url", url));
            long deadline = System.currentTimeMillis() + 30_000;
            while (!page.evaluate(ready).asBoolean(false)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the page was not ready (" + ready + ") in 30 s: " + page.errors);
                }
                Thread.sleep(200);
            }
            JsonNode value = JSON.readTree(page.evaluate("JSON.stringify(" + expression + ")").asText());
            JsonNode shot = page.send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
            return new Emulated(value, List.copyOf(page.errors), png);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    /** One page target of a chromium started with --remote-debugging-port: commands, replies, errors. */
    private static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        final List<String> errors = new CopyOnWriteArrayList<>();
        private WebSocket socket;

        static DevTools connect(Path profile, Process chromium, Path log) throws Exception {
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.currentTimeMillis() + 30_000;
            while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
                if (!chromium.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new AssertionError("chromium opened no DevTools port: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            String wsUrl = null;
            while (wsUrl == null) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode t : targets) {
                    if ("page".equals(t.path("type").asText())) {
                        wsUrl = t.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (wsUrl == null) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new AssertionError("chromium has no page target: " + targets);
                    }
                    Thread.sleep(100);
                }
            }
            DevTools d = new DevTools();
            d.socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), d).get(30, TimeUnit.SECONDS);
            return d;
        }

        JsonNode send(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
            msg.set("params", params);
            socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
            JsonNode r = reply.get(30, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new AssertionError(method + ": " + r.get("error"));
            }
            return r.path("result");
        }

        JsonNode evaluate(String expression) throws Exception {
            JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
            if (r.has("exceptionDetails")) {
                throw new AssertionError(expression + ": " + r.get("exceptionDetails"));
            }
            return r.path("result").path("value");
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else if ("Runtime.exceptionThrown".equals(msg.path("method").asText())) {
                        errors.add("exception: " + msg.path("params").path("exceptionDetails"));
                    } else if ("Runtime.consoleAPICalled".equals(msg.path("method").asText())
                            && "error".equals(msg.path("params").path("type").asText())) {
                        errors.add("console.error: " + msg.path("params").path("args"));
                    }
                } catch (IOException e) {
                    errors.add("unreadable DevTools message: " + e);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    /** The console messages chromium logged that are errors (an uncaught exception, console.error). */
    static List<String> consoleErrors(String log) {
        return log.lines().filter(l -> l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains(":ERROR:")))
                .toList();
    }

    /** Not blank: more than {@code minShare} of the pixels differ from the corner's, in many colours. */
    static void assertNotBlank(Path png, int width, int height, double minShare) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(width, img.getWidth(), png + " width");
        assertEquals(height, img.getHeight(), png + " height");
        int background = img.getRGB(0, 0);
        long differ = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (c != background) {
                    differ++;
                }
                if (colours.size() < 1000) {
                    colours.add(c);
                }
            }
        }
        double share = differ / (double) (img.getWidth() * img.getHeight());
        assertTrue(share > minShare, png + ": only " + share + " of the pixels differ from the background");
        assertTrue(colours.size() > 20, png + ": " + colours.size() + " colours");
    }
}
