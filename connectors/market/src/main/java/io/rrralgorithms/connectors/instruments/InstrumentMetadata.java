package io.rrralgorithms.connectors.instruments;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * A venue's instrument metadata: which public REST endpoints list its instruments, and how to
 * read their responses into {@link Instrument}s. Read from recordings (the {@code EXCHANGE.0}
 * files of cryptofeed captures hold the responses; {@link InstrumentCatalog#fromCryptofeed}), the
 * catalog is the reference each venue's symbols ({@code <Venue>Symbols}, both directions) and
 * decimal scales are checked against. The live capture service fetches the same URLs when it
 * connects, to publish each instrument's terms ahead of its frames (it still subscribes by the
 * native symbols its venue symbols give).
 */
public interface InstrumentMetadata extends Serializable {

    /** The REST URLs to fetch for the full instrument list. */
    List<String> urls();

    /** Whether a recorded REST response of {@code url} is instrument metadata this reader parses. */
    boolean isMetadataUrl(String url);

    /** The instruments listed in one response; instruments of kinds the feed does not carry are left out. */
    List<Instrument> parse(String url, String body) throws IOException;
}
