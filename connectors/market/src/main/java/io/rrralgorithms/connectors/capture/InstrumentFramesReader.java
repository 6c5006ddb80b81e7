package io.rrralgorithms.connectors.capture;

import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.instruments.InstrumentFrames;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venue;
import io.rrralgorithms.connectors.venues.Venues;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A capture's frames with each instrument's metadata frame ({@link InstrumentFrames}) just before
 * the instrument's first frame, at that frame's receive time and with its key: what a replay
 * publishes, so that the job learns every instrument's contract terms in its own partition, ahead
 * of its trades. The metadata is the session's own: a cryptofeed capture's REST instrument list
 * (the {@code EXCHANGE.0} file beside a split {@code EXCHANGE.ws.N.0}, the combined file itself),
 * read with the venue's {@code InstrumentMetadata}. A capture without one (hftbacktest files, tardis
 * CSVs), or whose list does not read, gets no instrument frames: the job then counts its trades'
 * instruments as without terms (multiplier 1, linear) and says so.
 */
public final class InstrumentFramesReader implements CaptureReader {
    private static final Logger LOG = LoggerFactory.getLogger(InstrumentFramesReader.class);

    private final CaptureReader inner;
    private final InstrumentCatalog catalog;
    private final String source;
    private final Set<String> announced = new HashSet<>();
    private RawFrame held;

    private InstrumentFramesReader(CaptureReader inner, InstrumentCatalog catalog, String source) {
        this.inner = inner;
        this.catalog = catalog;
        this.source = source;
    }

    /** {@code reader} of {@code file} with the instrument frames of the session's metadata, or {@code reader} where it has none. */
    public static CaptureReader around(CaptureReader reader, Path file) {
        String exchange = CryptofeedCaptureReader.exchangeOf(file);
        if (exchange == null || !Venues.isSupported(reader.feed())) {
            return reader;
        }
        Venue venue = Venues.forFeed(reader.feed());
        if (venue.instrumentMetadata() == null) {
            return reader;
        }
        Path metadata = file.getFileName().toString().startsWith(exchange + ".ws.")
                ? file.toAbsolutePath().resolveSibling(exchange + ".0") : file;
        if (!Files.isRegularFile(metadata)) {
            Path gz = metadata.resolveSibling(metadata.getFileName() + ".gz");
            if (!Files.isRegularFile(gz)) {
                return reader;
            }
            metadata = gz;
        }
        try (BufferedReader lines = CaptureText.open(metadata)) {
            InstrumentCatalog c = InstrumentCatalog.fromCryptofeed(lines, venue);
            return c.size() == 0 ? reader : new InstrumentFramesReader(reader, c, metadata.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: the instrument list of {} does not read ({}): no contract terms published", file,
                    metadata.getFileName(), e.getMessage());
            return reader;
        }
    }

    @Override
    public boolean hasNext() {
        return held != null || inner.hasNext();
    }

    @Override
    public RawFrame next() {
        if (held != null) {
            RawFrame f = held;
            held = null;
            return f;
        }
        if (!inner.hasNext()) {
            throw new NoSuchElementException();
        }
        RawFrame f = inner.next();
        if (f.key != null && announced.add(f.key)) {
            Instrument i = catalog.byNative(f.key).orElse(null);
            if (i != null) {
                held = f;
                return InstrumentFrames.frame(i, f.receiveTimeNs);
            }
        }
        return f;
    }

    /** The instruments announced so far (those of the capture's keys that its metadata lists). */
    public long instrumentFrames() {
        return announced.stream().filter(k -> catalog.byNative(k).isPresent()).count();
    }

    @Override
    public String feed() {
        return inner.feed();
    }

    @Override
    public long skippedLines() {
        return inner.skippedLines();
    }

    @Override
    public String summary() {
        return inner.summary() + String.format(Locale.ROOT, "; %,d instrument frames (contract terms from %s)",
                instrumentFrames(), source);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
