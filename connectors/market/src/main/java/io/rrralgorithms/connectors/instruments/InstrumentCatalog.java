package io.rrralgorithms.connectors.instruments;

import io.rrralgorithms.connectors.venues.Venue;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A venue's instruments by native symbol, built from its metadata responses. */
public final class InstrumentCatalog {
    private final String feed;
    private final Map<String, Instrument> byNative = new TreeMap<>();

    public InstrumentCatalog(String feed) {
        this.feed = feed;
    }

    public String feed() {
        return feed;
    }

    public void add(Instrument i) {
        byNative.put(i.nativeSymbol(), i);
    }

    public Optional<Instrument> byNative(String nativeSymbol) {
        return Optional.ofNullable(byNative.get(nativeSymbol));
    }

    public Collection<Instrument> all() {
        return Collections.unmodifiableCollection(byNative.values());
    }

    public int size() {
        return byNative.size();
    }

    /**
     * Reads the recorded REST responses of a cryptofeed {@code EXCHANGE.0} file
     * ({@code <url> -> <ts>: <body>} lines) with the venue's {@link InstrumentMetadata}.
     */
    public static InstrumentCatalog fromCryptofeed(Path exchangeFile, Venue venue) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(exchangeFile, StandardCharsets.UTF_8)) {
            return fromCryptofeed(r, venue);
        }
    }

    /** The same from the lines of a cryptofeed file (an {@code EXCHANGE.0}, or a combined session file). */
    public static InstrumentCatalog fromCryptofeed(BufferedReader lines, Venue venue) throws IOException {
        InstrumentMetadata meta = venue.instrumentMetadata();
        if (meta == null) {
            throw new IOException("feed " + venue.feed() + " has no instrument metadata reader");
        }
        InstrumentCatalog c = new InstrumentCatalog(venue.feed());
        String line;
        while ((line = lines.readLine()) != null) {
            int arrow = line.indexOf(" -> ");
            int colon = arrow < 0 ? -1 : line.indexOf(": ", arrow);
            if (colon < 0) {
                continue; // the configuration line
            }
            String url = line.substring(0, arrow);
            if (meta.isMetadataUrl(url)) {
                meta.parse(url, line.substring(colon + 2)).forEach(c::add);
            }
        }
        return c;
    }
}
