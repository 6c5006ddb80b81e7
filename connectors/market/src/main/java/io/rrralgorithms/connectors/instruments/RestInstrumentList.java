package io.rrralgorithms.connectors.instruments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/**
 * Instrument metadata served by a venue's public REST endpoints: the URLs to fetch, and the path
 * that tells a recorded response of them ({@code <url> -> <ts>: <body>} lines of a cryptofeed
 * {@code EXCHANGE.0} file) from the venue's other REST responses. A venue whose URLs need more
 * than a path to be told apart overrides {@link #isMetadataUrl}.
 */
public abstract class RestInstrumentList implements InstrumentMetadata {
    protected final String feed;
    private final String pathMarker;
    private final List<String> urls;

    /**
     * @param pathMarker a part of the path every metadata URL contains (and no other URL of the venue)
     * @param urls the URLs of the full instrument list
     */
    protected RestInstrumentList(String feed, String pathMarker, String... urls) {
        this.feed = feed;
        this.pathMarker = pathMarker;
        this.urls = List.of(urls);
    }

    @Override
    public final List<String> urls() {
        return urls;
    }

    @Override
    public boolean isMetadataUrl(String url) {
        return url.contains(pathMarker);
    }

    /** The non-empty string {@code field} of the listed instrument {@code entry}, else a refusal naming the feed and the entry. */
    protected final String listedText(JsonNode entry, String field) throws IOException {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new IOException(feed + " instrument without '" + field + "': " + entry);
        }
        return v.textValue();
    }
}
