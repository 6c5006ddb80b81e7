package io.rrralgorithms.connectors.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rrralgorithms.connectors.adapters.gateio.GateioVenue;
import io.rrralgorithms.connectors.adapters.tardis.TardisVenue;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.InstrumentCatalog;
import io.rrralgorithms.connectors.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every venue's symbols both ways against its recorded instrument catalog (the cryptofeed
 * {@code <EXCHANGE>.0} file's REST responses, read by the venue's instrument metadata): for each
 * listed instrument, the native symbol normalizes to the catalog's normalized symbol (made from
 * the listing's own base, quote and expiry fields), and that symbol goes back to the native one.
 */
class VenueSymbolsRoundTripTest {

    /** Feeds with no venue listing of their own: {@code tardis} normalizes by the venue of each row's exchange. */
    static final Set<String> NO_CATALOG = Set.of(TardisVenue.FEED);

    /**
     * Feeds whose listing is recorded under another exchange name than their own captures'
     * (Gate.io v3 has none of its own: it trades the pairs of the v4 list in {@code GATEIO.0}).
     */
    static final Map<String, String> CATALOG_EXCHANGE = Map.of(GateioVenue.V3_FEED, "GATEIO");

    static List<String> feeds() {
        return Venues.feeds().stream().filter(f -> !NO_CATALOG.contains(f)).toList();
    }

    static Path catalogFile(Venue venue) {
        String exchange = CATALOG_EXCHANGE.getOrDefault(venue.feed(), venue.cryptofeedExchange());
        assertNotNull(exchange, venue.feed() + " names no recorded catalog");
        return SharedData.cryptofeed(exchange + ".0");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void nativeAndNormalizedSymbolsInvertEachOtherOverTheCatalog(String feed) throws IOException {
        Venue venue = Venues.forFeed(feed);
        VenueSymbols symbols = venue.symbols();
        assertNotNull(symbols, feed + " declares no symbols");
        InstrumentCatalog catalog = InstrumentCatalog.fromCryptofeed(catalogFile(venue), venue);
        assertFalse(catalog.all().isEmpty(), feed + ": empty catalog");
        for (Instrument i : catalog.all()) {
            assertEquals(i.symbol(), symbols.normalize(i.nativeSymbol()), feed + " normalizes " + i.nativeSymbol());
            assertEquals(i.nativeSymbol(), symbols.toNative(i.symbol()), feed + " native of " + i.symbol());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("feeds")
    void toNativeIgnoresCaseAndBlanksAndRefusesWhatIsNoSymbol(String feed) throws IOException {
        Venue venue = Venues.forFeed(feed);
        Instrument first = InstrumentCatalog.fromCryptofeed(catalogFile(venue), venue)
                .all().iterator().next();
        assertEquals(first.nativeSymbol(), venue.symbols().toNative(" " + first.symbol().toLowerCase() + " "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> venue.symbols().toNative("NOT A SYMBOL"));
        assertTrue(e.getMessage().contains("NOT A SYMBOL"), e::getMessage);
    }
}
