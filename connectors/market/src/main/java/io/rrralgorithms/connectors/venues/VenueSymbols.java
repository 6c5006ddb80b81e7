package io.rrralgorithms.connectors.venues;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.instruments.Instrument;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols;
import io.rrralgorithms.connectors.instruments.NormalizedSymbols.Parts;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * A venue's symbols in both directions: native ({@code XBT/USD}, {@code BTCUSDT}) to normalized
 * ({@link NormalizedSymbols}: {@code BTC-USD}, {@code BTC-USDT-PERP}) for the decoder, and back for
 * the capture service, which subscribes by native symbol. Each venue's {@code <Venue>Symbols}
 * implements both; the venue contract checks that they invert each other over every instrument of
 * the venue's recorded instrument catalog.
 */
public interface VenueSymbols {

    /** The direction the decoder uses: a venue's own rule, which may refuse a symbol with a dead-letter reason. */
    @FunctionalInterface
    interface Normalizer {
        String normalize(String nativeSymbol) throws DecodeException;
    }

    /** The normalized symbol of a native one; {@link IllegalArgumentException} where it is not one of the venue's. */
    String normalize(String nativeSymbol);

    /**
     * The native symbol of a normalized one (any case, surrounding blanks ignored);
     * {@link IllegalArgumentException} with a clear reason when the symbol cannot be on this venue.
     */
    String toNative(String normalizedSymbol);

    /**
     * The parts of a normalized symbol of one of {@code kinds}, for a {@code toNative}; else the
     * {@link IllegalArgumentException} "{@code venue}: '{@code normalized}' is not {@code what}"
     * ({@code what}: "a spot pair like BTC-USD").
     */
    static Parts require(String normalized, String venue, String what, Instrument.Kind... kinds) {
        Parts p = NormalizedSymbols.parts(normalized);
        if (p == null || !Arrays.asList(kinds).contains(p.kind())) {
            throw new IllegalArgumentException(venue + ": '" + normalized + "' is not " + what);
        }
        return p;
    }

    /** Both directions from the venue's two rules. */
    static VenueSymbols of(Normalizer normalizer, UnaryOperator<String> toNative) {
        return new VenueSymbols() {
            @Override
            public String normalize(String nativeSymbol) {
                try {
                    return normalizer.normalize(nativeSymbol);
                } catch (DecodeException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }

            @Override
            public String toNative(String normalizedSymbol) {
                return toNative.apply(normalizedSymbol);
            }
        };
    }
}
