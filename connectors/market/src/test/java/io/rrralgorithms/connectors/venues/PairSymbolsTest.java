package io.rrralgorithms.connectors.venues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rrralgorithms.connectors.adapters.DecodeException;
import org.junit.jupiter.api.Test;

/** The declared pair forms: separator, order, case, renames and the refusals' reasons. */
class PairSymbolsTest {

    @Test
    void quoteFirstUpperCase() throws DecodeException {
        PairSymbols upbit = PairSymbols.spot("upbit", "QUOTE-BASE", "Upbit markets", "BTC-KRW");
        assertEquals("BTC-KRW", upbit.decode("KRW-BTC"));
        assertEquals("KRW-ETH", upbit.toNative("eth-krw"));
        DecodeException e = assertThrows(DecodeException.class, () -> upbit.decode("KRWBTC"));
        assertEquals("unknown symbol 'KRWBTC': Upbit markets are QUOTE-BASE (KRW-BTC)", e.getMessage());
        assertThrows(DecodeException.class, () -> upbit.decode("krw-btc"), "upper-case codes only");
        assertThrows(DecodeException.class, () -> upbit.decode("KRW-BTC-X"), "one separator");
        assertThrows(DecodeException.class, () -> upbit.decode("-BTC"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> upbit.toNative("BTC-KRW-PERP"));
        assertEquals("upbit: 'BTC-KRW-PERP' is not a spot pair like BTC-KRW", refused.getMessage());
    }

    @Test
    void lowerCaseWithRename() throws DecodeException {
        PairSymbols ir = PairSymbols.spot("independent-reserve", "base-quote", "Independent Reserve pairs", "DOT-NZD")
                .renaming("XBT", "BTC");
        assertEquals("BTC-AUD", ir.decode("xbt-aud"));
        assertEquals("xbt-aud", ir.toNative("BTC-AUD"));
        assertEquals("BTC", ir.asset("Xbt"));
        assertEquals("unknown symbol 'XBT-AUD': Independent Reserve pairs are base-quote (dot-nzd)",
                assertThrows(DecodeException.class, () -> ir.decode("XBT-AUD")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ir.normalize("xbtaud"), "the venue direction throws IAE");
    }

    @Test
    void perpetualsAndUnderscore() throws DecodeException {
        PairSymbols dydx = PairSymbols.perpetuals("dydx", "BASE-QUOTE", "dYdX markets", "BTC-USD-PERP");
        assertEquals("BTC-USD-PERP", dydx.decode("BTC-USD"));
        assertEquals("ETH-USD", dydx.toNative("ETH-USD-PERP"));
        assertEquals("dydx: 'ETH-USD' is not a perpetual like BTC-USD-PERP",
                assertThrows(IllegalArgumentException.class, () -> dydx.toNative("ETH-USD")).getMessage());
        PairSymbols poloniex = PairSymbols.spot("poloniex", "BASE_QUOTE", "Poloniex symbols", "BTC-USDT");
        assertEquals("BTC-USDT", poloniex.decode("BTC_USDT"));
        assertEquals("BTC_USDT", poloniex.toNative("BTC-USDT"));
        assertThrows(IllegalArgumentException.class, () -> PairSymbols.spot("x", "BASE/QUOTE/", "x", "BTC-USD"));
    }
}
