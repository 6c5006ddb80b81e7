package io.rrralgorithms.connectors.instruments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Instrument metadata served by a venue's public REST endpoints: the URLs to fetch, and the path
 * that tells a recorded response of them ({@code <url> -> <ts>: <body>} lines of a cryptofeed
 * {@code EXCHANGE.0} file) from the venue's other REST responses: a part every metadata URL
 * contains, or the path itself as a regex ({@link #pathMatching}). A venue whose URLs need more
 * than a path to be told apart overrides {@link #isMetadataUrl}. The readers' shared checks of a
 * response's shape are here too ({@link #arrayRoot}, {@link #arrayAt}).
 */
public abstract class RestInstrumentList implements InstrumentMetadata {
    protected final String feed;
    private final String pathMarker;
    private final Pattern urlPattern;
    private final List<String> urls;

    /**
     * @param pathMarker a part of the path every metadata URL contains (and no other URL of the venue)
     * @param urls the URLs of the full instrument list
     */
    protected RestInstrumentList(String feed, String pathMarker, String... urls) {
        this(feed, pathMarker, null, urls);
    }

    private RestInstrumentList(String feed, String pathMarker, Pattern urlPattern, String... urls) {
        this.feed = feed;
        this.pathMarker = pathMarker;
        this.urlPattern = urlPattern;
        this.urls = List.of(urls);
    }

    /**
     * A list whose metadata URLs are those of any host whose path matches {@code pathRegex} whole,
     * with any query: {@code https?://<host><pathRegex>(?<query>)?}.
     */
    protected RestInstrumentList(Pattern pathRegex, String feed, String... urls) {
        this(feed, null, Pattern.compile("https?://[^/]+(?:" + pathRegex.pattern() + ")(\\?.*)?"), urls);
    }

    /** The path regex of {@link #RestInstrumentList(Pattern, String, String...)}. */
    protected static Pattern pathMatching(String regex) {
        return Pattern.compile(regex);
    }

    @Override
    public final List<String> urls() {
        return urls;
    }

    @Override
    public boolean isMetadataUrl(String url) {
        return urlPattern != null ? urlPattern.matcher(url).matches() : url.contains(pathMarker);
    }

    /**
     * The response's root, which must be a JSON array; else an IOException naming what it is
     * ({@code what}: "market list"), the venue's {@code message} where it sent one, and the URL.
     */
    protected JsonNode arrayRoot(ObjectMapper json, String url, String body, String what) throws IOException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IOException(feed + " " + what + " is not JSON: " + e.getOriginalMessage() + " (" + url + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(feed + " " + what + " is not a JSON array: "
                    + (root == null ? "empty" : root.path("message").asText(root.getNodeType().toString())) + " (" + url + ")");
        }
        return root;
    }

    /** The array under {@code field} of a response's root ({@code {"code":0,"data":[...]}}); else an IOException. */
    protected JsonNode arrayAt(JsonNode root, String field, String url, String what) throws IOException {
        JsonNode list = root == null ? null : root.get(field);
        if (list == null || !list.isArray()) {
            throw new IOException(feed + " " + what + " without a '" + field + "' array: " + url);
        }
        return list;
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
