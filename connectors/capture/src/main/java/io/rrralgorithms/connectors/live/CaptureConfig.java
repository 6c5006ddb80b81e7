package io.rrralgorithms.connectors.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rrralgorithms.connectors.kafka.KafkaClientProperties;
import io.rrralgorithms.connectors.kafka.RawTopics;
import io.rrralgorithms.connectors.venues.Channel;
import io.rrralgorithms.connectors.venues.LiveVenue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capture service's configuration, read from YAML (or JSON, which is YAML too). Keys:
 *
 * <pre>
 * kafka:
 *   bootstrap: 127.0.0.1:9092      # Kafka bootstrap servers (rrr capture --bootstrap overrides)
 *   topicPrefix: raw.              # raw topics are &lt;topicPrefix&gt;&lt;feed&gt;
 *   partitions: 1                  # partitions of raw topics the service creates
 *   properties:                    # Kafka client settings, e.g. of a managed Kafka (rrr capture --kafka-property adds)
 *     security.protocol: SASL_SSL
 * metrics:
 *   port: 9464                     # Prometheus text at http://HOST:PORT/metrics; 0 = off
 *   host: 127.0.0.1                # bind address of the metrics endpoint (0.0.0.0: every interface)
 *   logIntervalSeconds: 10         # one status line every N s; 0 = off
 * reconnect:
 *   baseMs: 500                    # first retry waits up to this (full jitter) …
 *   maxMs: 30000                   # … doubling per failed retry up to this
 *   resetAfterSeconds: 60          # a connection up this long starts the backoff over
 * connectTimeoutSeconds: 10        # TCP connect + WebSocket handshake
 * silenceTimeoutSeconds: 30        # no frame for this long on a connection: reconnect it
 * snapshotDelayMs: 250             # wait after a symbol's first diff before its REST snapshot
 * restTimeoutSeconds: 10           # REST snapshot request timeout
 * snapshotRefreshSeconds: 600      # REST snapshots (and instrument frames) again this often (a backfill starts from one); 0 = off
 * resyncTopic: rrr.control.resync  # Kafka topic of the job's resync requests (book gaps); absent = off
 * resyncIntervalMs: 5000           # at most one resync per symbol this often (bursts coalesce)
 * venues:
 *   - feed: binance-spot           # one of Venues.liveFeeds()
 *     symbols: [BTC-USDT, ETH-USDT]   # normalized symbols (BTC-USDT, BTC-USDT-PERP, BTC-USD-240927)
 *     nativeSymbols: []            # or the venue's own symbols, used as they are
 *     channels: [trades, book, bbo]   # default: all three
 *     url: wss://…                 # optional: another WebSocket endpoint (a test server, a mirror)
 *     restUrl: https://…           # optional: another REST base for the snapshots and the instrument list
 *     silenceTimeoutSeconds: 60    # optional: this venue's own silence timeout
 * </pre>
 *
 * Unknown keys are errors (a misspelt key must not silently fall back to a default).
 */
public final class CaptureConfig {
    public Kafka kafka = new Kafka();
    public Metrics metrics = new Metrics();
    public Reconnect reconnect = new Reconnect();
    public int connectTimeoutSeconds = 10;
    public int silenceTimeoutSeconds = 30;
    public int snapshotDelayMs = 250;
    public int restTimeoutSeconds = 10;
    public long snapshotRefreshSeconds = ConnectionSettings.DEFAULT_SNAPSHOT_REFRESH.toSeconds();
    /** Topic of the job's resync requests ({@link io.rrralgorithms.connectors.kafka.ResyncRequests}); null = off. */
    public String resyncTopic;
    public long resyncIntervalMs = 5000;
    public List<Venue> venues = new ArrayList<>();

    public static final class Kafka {
        public String bootstrap = "127.0.0.1:9092";
        public String topicPrefix = RawTopics.DEFAULT_PREFIX;
        public int partitions = 1;
        /** Kafka client settings for every client of the service (SASL, SSL, …): passed through as they are. */
        public Map<String, String> properties = new LinkedHashMap<>();
    }

    public static final class Metrics {
        public int port = 0;
        /** Loopback by default: the endpoint has no authentication. */
        public String host = "127.0.0.1";
        public int logIntervalSeconds = 10;
    }

    public static final class Reconnect {
        public long baseMs = 500;
        public long maxMs = 30_000;
        public int resetAfterSeconds = 60;
    }

    public static final class Venue {
        public String feed;
        public List<String> symbols = new ArrayList<>();
        public List<String> nativeSymbols = new ArrayList<>();
        public List<String> channels = new ArrayList<>(List.of("trades", "book", "bbo"));
        public String url;
        public String restUrl;
        public Integer silenceTimeoutSeconds;

        public Venue() {}

        public Venue(String feed, List<String> symbols) {
            this.feed = feed;
            this.symbols = new ArrayList<>(symbols);
        }

        public Set<Channel> channelSet() {
            Set<Channel> out = EnumSet.noneOf(Channel.class);
            for (String c : channels) {
                out.add(Channel.parse(c));
            }
            return out;
        }

        /** The native symbols: the normalized ones mapped by the venue, then the native ones given. */
        public List<String> resolveNativeSymbols(LiveVenue v) {
            Set<String> out = new LinkedHashSet<>();
            for (String s : symbols) {
                out.add(v.nativeSymbol(s));
            }
            for (String s : nativeSymbols) {
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException(feed + ": empty native symbol");
                }
                out.add(s.trim());
            }
            return new ArrayList<>(out);
        }

        public String endpoint(LiveVenue v) {
            return url != null ? url : v.defaultEndpoint();
        }

        public String restBase(LiveVenue v) {
            if (v.defaultRestBase() == null) {
                return null;
            }
            return withoutSlash(restUrl != null ? restUrl : v.defaultRestBase());
        }

        /** Where the venue's instrument list is fetched instead of its own URLs' origin: {@code restUrl}, or null. */
        public String metadataBase() {
            return restUrl == null ? null : withoutSlash(restUrl);
        }

        private static String withoutSlash(String base) {
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
    }

    /** The local run's live default: Binance spot BTC-USDT and ETH-USDT, trades, book and BBO. */
    public static CaptureConfig liveDefault() {
        CaptureConfig c = new CaptureConfig();
        c.venues.add(new Venue("binance-spot", List.of("BTC-USDT", "ETH-USDT")));
        return c;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Reads and validates a configuration file (YAML or JSON). */
    public static CaptureConfig load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such capture configuration: " + file);
        }
        return parse(Files.readString(file), file.toString());
    }

    /** Parses and validates configuration text; {@code source} names it in errors. */
    public static CaptureConfig parse(String text, String source) throws IOException {
        CaptureConfig c;
        try {
            c = mapper().readValue(text, CaptureConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(source + ": unknown key '" + e.getPropertyName() + "' at "
                    + path(e) + "; known keys: " + e.getKnownPropertyIds());
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage() + " at " + path(e));
        }
        if (c == null) {
            throw new IllegalArgumentException(source + ": empty configuration");
        }
        c.validate(source);
        return c;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(r.getFieldName() != null ? (b.length() == 0 ? "" : ".") + r.getFieldName()
                    : "[" + r.getIndex() + "]");
        }
        return b.length() == 0 ? "the top" : b.toString();
    }

    /** Checks every value; {@link IllegalArgumentException} naming the first bad one. */
    public void validate(String source) {
        String at = source + ": ";
        require(kafka != null && kafka.bootstrap != null && !kafka.bootstrap.isBlank(), at + "kafka.bootstrap is empty");
        require(kafka.topicPrefix != null, at + "kafka.topicPrefix is empty");
        require(kafka.partitions >= 1, at + "kafka.partitions must be >= 1");
        require(kafka.properties != null, at + "kafka.properties must be a map of client settings");
        try {
            KafkaClientProperties.check(kafka.properties);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + "kafka.properties: " + e.getMessage());
        }
        require(metrics != null && metrics.host != null && !metrics.host.isBlank(), at + "metrics.host is empty");
        require(metrics != null && metrics.port >= 0 && metrics.port <= 65535, at + "metrics.port must be 0..65535");
        require(metrics.logIntervalSeconds >= 0, at + "metrics.logIntervalSeconds must be >= 0");
        require(reconnect != null && reconnect.baseMs >= 1, at + "reconnect.baseMs must be >= 1");
        require(reconnect.maxMs >= reconnect.baseMs, at + "reconnect.maxMs must be >= reconnect.baseMs");
        require(reconnect.resetAfterSeconds >= 0, at + "reconnect.resetAfterSeconds must be >= 0");
        require(connectTimeoutSeconds >= 1, at + "connectTimeoutSeconds must be >= 1");
        require(silenceTimeoutSeconds >= 1, at + "silenceTimeoutSeconds must be >= 1");
        require(snapshotDelayMs >= 0, at + "snapshotDelayMs must be >= 0");
        require(restTimeoutSeconds >= 1, at + "restTimeoutSeconds must be >= 1");
        require(snapshotRefreshSeconds >= 0, at + "snapshotRefreshSeconds must be >= 0");
        require(resyncTopic == null || !resyncTopic.isBlank(), at + "resyncTopic is empty (leave it out to turn resync off)");
        require(resyncIntervalMs >= 0, at + "resyncIntervalMs must be >= 0");
        require(venues != null && !venues.isEmpty(), at + "no venues: list at least one under 'venues'");
        Set<String> feeds = new LinkedHashSet<>();
        for (int i = 0; i < venues.size(); i++) {
            Venue v = venues.get(i);
            String vat = at + "venues[" + i + "]: ";
            require(v != null && v.feed != null && !v.feed.isBlank(), vat + "feed is missing");
            LiveVenue lv;
            try {
                lv = Venues.liveForFeed(v.feed);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(vat + e.getMessage());
            }
            require(feeds.add(v.feed), vat + "feed " + v.feed + " is listed twice; put all its symbols in one entry");
            require(v.symbols != null && v.nativeSymbols != null, vat + "symbols must be lists");
            require(!v.symbols.isEmpty() || !v.nativeSymbols.isEmpty(), vat + "no symbols for " + v.feed);
            require(v.channels != null && !v.channels.isEmpty(), vat + "channels is empty");
            try {
                Set<Channel> ch = v.channelSet();
                require(!ch.contains(Channel.HEARTBEAT), "channel heartbeat is added by the venue where it has one");
                v.resolveNativeSymbols(lv);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(vat + e.getMessage());
            }
            require(v.silenceTimeoutSeconds == null || v.silenceTimeoutSeconds >= 1,
                    vat + "silenceTimeoutSeconds must be >= 1");
            for (String u : new String[] {v.url, v.restUrl}) {
                if (u != null) {
                    try {
                        URI uri = URI.create(u);
                        require(uri.getScheme() != null && uri.getHost() != null, vat + "'" + u + "' is not an absolute URL");
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(vat + "bad URL '" + u + "': " + e.getMessage());
                    }
                }
            }
            if (v.url != null) {
                String scheme = URI.create(v.url).getScheme();
                require(scheme.equals("ws") || scheme.equals("wss"), vat + "url must be ws:// or wss://");
            }
        }
    }

    /** The connection settings of one venue. */
    public ConnectionSettings connectionSettings(Venue v) {
        return new ConnectionSettings(Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(v.silenceTimeoutSeconds != null ? v.silenceTimeoutSeconds : silenceTimeoutSeconds),
                new Backoff(Duration.ofMillis(reconnect.baseMs), Duration.ofMillis(reconnect.maxMs)),
                Duration.ofSeconds(reconnect.resetAfterSeconds), Duration.ofMillis(snapshotDelayMs),
                Duration.ofSeconds(restTimeoutSeconds), Duration.ofSeconds(snapshotRefreshSeconds));
    }

    public List<String> feeds() {
        return venues.stream().map(v -> v.feed).toList();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
