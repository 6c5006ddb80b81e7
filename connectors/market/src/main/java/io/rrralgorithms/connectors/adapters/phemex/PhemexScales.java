package io.rrralgorithms.connectors.adapters.phemex;

import io.rrralgorithms.connectors.adapters.DecodeException;
import io.rrralgorithms.connectors.model.Decimals;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The decimal scales of Phemex's scaled integers, per product: a price is sent as {@code priceEp}
 * = price × 10^priceScale, a spot quantity as {@code Ev} = quantity × 10^valueScale of the base
 * currency, a contract quantity as a whole number of contracts. The table is the recorded product
 * list ({@code GET /exchange/public/cfg/v2/products}, cryptofeed's {@code PHEMEX.0}, July 2021):
 *
 * <ul>
 *   <li>the 37 USD perpetuals list {@code "priceScale":4} each; quantities are contracts
 *       ({@code "lotSize":1});
 *   <li>the 30 spot pairs list no {@code priceScale}: Phemex documents one price scale of 8 for
 *       every spot symbol; the quantity scale is the base currency's {@code valueScale}, 8 for
 *       every listed base.
 * </ul>
 *
 * A product not in the table has no known scale: its frames are dead letters ("unknown symbol"),
 * never decoded with a guessed scale. {@code PhemexFrameDecoderTest} checks the table against the
 * recorded listing, product by product, both ways.
 */
final class PhemexScales implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The listing's USD perpetuals; each lists priceScale 4. */
    static final String CONTRACTS = "BTCUSD ETHUSD XRPUSD LINKUSD XTZUSD LTCUSD GOLDUSD ADAUSD BCHUSD COMPUSD YFIUSD "
            + "ALGOUSD DOTUSD UNIUSD AAVEUSD DOGEUSD BATUSD CHZUSD MANAUSD ENJUSD SUSHIUSD SNXUSD GRTUSD MKRUSD TRXUSD "
            + "EOSUSD ONTUSD NEOUSD ZECUSD FILUSD KSMUSD XMRUSD QTUMUSD XLMUSD ATOMUSD LUNAUSD SOLUSD";
    static final int CONTRACT_PRICE_SCALE = 4;

    /** The listing's spot pairs; every base currency lists valueScale 8. */
    static final String SPOT = "sBTCUSDT sETHUSDT sXRPUSDT sLINKUSDT sXTZUSDT sLTCUSDT sADAUSDT sTRXUSDT sONTUSDT "
            + "sBCHUSDT sNEOUSDT sEOSUSDT sDOGEUSDT sBATUSDT sCHZUSDT sMANAUSDT sENJUSDT sSUSHIUSDT sSNXUSDT sGRTUSDT "
            + "sUNIUSDT sAAVEUSDT sYFIUSDT sCOMPUSDT sMKRUSDT sZECUSDT sFILUSDT sQTUMUSDT sATOMUSDT sLUNAUSDT";
    static final int SPOT_PRICE_SCALE = 8;
    static final int SPOT_BASE_VALUE_SCALE = 8;

    /** The scales of one product: fractional digits of its price and quantity integers. */
    record Scale(int price, int size) implements Serializable {}

    static final Map<String, Scale> BY_SYMBOL = table();

    private PhemexScales() {}

    private static Map<String, Scale> table() {
        Map<String, Scale> m = new HashMap<>();
        for (String s : CONTRACTS.split(" ")) {
            m.put(s, new Scale(CONTRACT_PRICE_SCALE, 0));
        }
        for (String s : SPOT.split(" ")) {
            m.put(s, new Scale(SPOT_PRICE_SCALE, SPOT_BASE_VALUE_SCALE));
        }
        return Map.copyOf(m);
    }

    /** The scales of {@code nativeSymbol}, or the dead-letter reason why none is known. */
    static Scale of(String nativeSymbol) throws DecodeException {
        Scale s = BY_SYMBOL.get(nativeSymbol);
        if (s == null) {
            throw new DecodeException("unknown symbol '" + nativeSymbol
                    + "': not in Phemex's product list, its price and quantity scales are unknown");
        }
        return s;
    }

    /**
     * A scaled integer as a mantissa at the decode scale, exactly ({@code 329915000} at scale 4 is
     * 32991.5); one the decode scale does not hold makes the frame decode again at one that does.
     */
    static long mantissa(long scaled, int scale, String what) throws DecodeException {
        try {
            return Decimals.ofScaled(scaled, scale);
        } catch (Decimals.ScaleException e) {
            throw new DecodeException("field '" + what + "' is not an exact decimal: " + e.getMessage()
                    + " (" + scaled + " at scale " + scale + ")", e);
        }
    }
}
