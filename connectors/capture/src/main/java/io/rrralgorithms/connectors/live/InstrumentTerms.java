package io.rrralgorithms.connectors.live;

import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.instruments.InstrumentMetadata;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's instrument list, fetched over REST by the capture service with the venue's
 * {@link InstrumentMetadata} (the URLs a replay finds recorded in a cryptofeed {@code EXCHANGE.0}),
 * so that each connection can publish an instrument frame ahead of each instrument's first frame,
 * as a replay does. Fetched once (the terms of a listed contract do not change); a failed fetch
 * is one warning line, and the next session to open (a reconnect) tries again, at most once per
 * {@link #RETRY_AFTER} so that many connections opening together make one attempt.
 */
final class InstrumentTerms {
    private static final Logger LOG = LoggerFactory.getLogger(InstrumentTerms.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final String feed;
    private final InstrumentMetadata metadata;
    private final String restBase;
    private final HttpClient http;
    private final Duration timeout;
    private InstrumentCatalog catalog;
    private long failedAtNanos;
    private boolean failed;

    /**
     * @param restBase where the metadata is fetched instead of the URLs' own origin (a test server,
     *                 a mirror), or null for the URLs as they are
     */
    InstrumentTerms(String feed, InstrumentMetadata metadata, String restBase, HttpClient http, Duration timeout) {
        this.feed = feed;
        this.metadata = metadata;
        this.restBase = restBase;
        this.http = http;
        this.timeout = timeout;
    }

    /** The venue's instruments: fetched now where no fetch succeeded yet; null while none has. */
    synchronized InstrumentCatalog catalog() throws InterruptedException {
        if (catalog != null || failed && System.nanoTime() - failedAtNanos < RETRY_AFTER.toNanos()) {
            return catalog;
        }
        InstrumentCatalog c = new InstrumentCatalog(feed);
        for (String url : metadata.urls()) {
            URI target = at(url);
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(target).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() != 200) {
                    throw new IOException("HTTP " + r.statusCode() + ": " + Failures.clip(r.body(), 200));
                }
                metadata.parse(url, r.body()).forEach(c::add); // parsed as the venue's own URL (as recorded)
            } catch (IOException | RuntimeException e) {
                failed = true;
                failedAtNanos = System.nanoTime();
                LOG.warn("{}: the instrument list {} did not load ({}): no contract terms published until a "
                        + "reconnect loads it", feed, target, Failures.describe(e, target));
                return null;
            }
        }
        catalog = c;
        LOG.info("{}: {} instruments' contract terms from {}", feed, c.size(), metadata.urls());
        return catalog;
    }

    /** {@code url} at the REST base: its path and query on the base's origin. */
    URI at(String url) {
        if (restBase == null) {
            return URI.create(url);
        }
        URI u = URI.create(url);
        return URI.create(restBase + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }
}
