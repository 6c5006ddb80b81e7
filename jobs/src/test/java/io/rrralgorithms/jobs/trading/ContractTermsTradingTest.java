package io.rrralgorithms.jobs.trading;

import static io.rrralgorithms.jobs.trading.TradingKit.*;
import static org.junit.jupiter.api.Assertions.*;

import io.rrralgorithms.connectors.instruments.ContractTerms;
import io.rrralgorithms.connectors.model.MarketEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * Paper trading by the contract terms: order sizes in the quote currency become contracts, risk
 * limits and fees count the contract's notional, and an inverse contract's PnL is in the base
 * currency (converted to the quote at the mark in the account totals). Every expectation here
 * would differ with the multiplier ignored.
 */
class ContractTermsTradingTest {
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-10");

    static MarketEvent instrument(String feed, String symbol, ContractTerms terms) {
        return MarketEvent.instrument(feed, "BTCUSDT", symbol, 1L, terms);
    }

    static void assertClose(String expected, BigDecimal actual) {
        assertTrue(new BigDecimal(expected).subtract(actual).abs().compareTo(TOLERANCE) <= 0,
                "expected " + expected + " got " + actual);
    }

    @Test
    void inverseRoundTripRealizesInTheBaseCurrency() {
        InstrumentState p = new InstrumentState();
        p.symbol = "BTC-USD-PERP";
        p.takeTerms(instrument(USDM, p.symbol, ContractTerms.inverse(new BigDecimal("100"), "USD")));
        p.applyFill(px("10"), bd("50000"), BigDecimal.ZERO); // long 10 contracts of 100 USD
        p.applyFill(-px("10"), bd("55000"), BigDecimal.ZERO);
        // 10 × 100 × (1/50000 − 1/55000) BTC = 0.0018181818… BTC
        assertClose("0.00181818181818", p.realizedPnl);
        assertEquals("BTC", p.pnlCurrency());
        p.mark = bd("55000");
        assertClose("100", p.inQuote(p.realizedPnl)); // 0.0018… BTC at 55000: 100 USD
        // the face value, whatever the price
        assertEquals(0, new BigDecimal("1000").compareTo(p.quoteNotional(bd("10"), bd("12345"))));
    }

    @Test
    void linearMultiplierScalesValueAndPnl() {
        InstrumentState p = new InstrumentState();
        p.symbol = "BTC-USDT-PERP";
        p.takeTerms(instrument(USDM, p.symbol, ContractTerms.linear(new BigDecimal("0.001"), "USDT"))); // Huobi BTC-USDT
        p.applyFill(px("5"), bd("40000"), BigDecimal.ZERO);
        p.mark = bd("41000");
        assertClose("5", p.unrealized()); // 5 × 0.001 × 1000
        assertEquals(0, new BigDecimal("205").compareTo(p.quoteNotional(bd("5"), bd("41000"))));
        assertEquals("USDT", p.pnlCurrency());
    }

    @Test
    void orderNotionalBecomesContracts() {
        ContractTerms inverse = ContractTerms.inverse(new BigDecimal("100"), "USD");
        assertEquals(px("10"), CostAwareStrategy.quantityOf(bd("1000"), px("50000"), px("50001"), inverse));
        ContractTerms linear = ContractTerms.linear(new BigDecimal("0.001"), "USDT");
        assertEquals(px("20"), CostAwareStrategy.quantityOf(bd("1000"), px("49999"), px("50001"), linear));
        assertEquals(px("0.02"), CostAwareStrategy.quantityOf(bd("1000"), px("49999"), px("50001")));
    }

    @Test
    void notionalCapCountsContractValueAndFeesAreInTheBase() {
        String[] bids = lv("99.5:1000");
        String[] asks = lv("100.5:1000");
        Cfg cfg = new Cfg();
        cfg.riskNotional = bd("5000");
        Scripted s = new Scripted();
        Out out = new Out();
        // without terms: 60 × mid 100 = 6000 > 5000
        TradingEngine plain = new TradingEngine(cfg.build(), s, new TradingState());
        plain.onBook(book(USDM, 1000, bids, asks), 1000, out);
        s.then(new Req(Side.BUY, OrderType.MARKET, null, "60"));
        plain.onScore(score(USDM, 2000, 0), 2000, out);
        assertEquals(OrderStatus.REJECTED, out.orders.get(out.orders.size() - 1).status);
        assertEquals("notional_cap", out.orders.get(out.orders.size() - 1).rejectRule);

        // inverse contracts of 10 USD: 60 × 10 = 600 USD
        TradingEngine e = new TradingEngine(cfg.build(), s, new TradingState());
        e.onTrade(instrument(USDM, "BTC-USD-PERP", ContractTerms.inverse(BigDecimal.TEN, "USD")), 500, out);
        e.onBook(book(USDM, 1000, bids, asks), 1000, out);
        s.then(new Req(Side.BUY, OrderType.MARKET, null, "60"));
        e.onScore(score(USDM, 2000, 0), 2000, out);
        assertEquals(OrderStatus.PENDING, out.orders.get(out.orders.size() - 1).status);
        e.onBook(book(USDM, 2000, bids, asks), 2000, out);
        Fill f = out.fills.get(out.fills.size() - 1);
        // taker fee 0.0005 of 60 × 10 / 100.5 BTC
        assertClose(new BigDecimal("600").divide(new BigDecimal("100.5"), 16, RoundingMode.HALF_EVEN)
                .multiply(new BigDecimal("0.0005")).toPlainString(), f.fee);
        assertEquals(0, new BigDecimal("600").compareTo(out.orders.get(out.orders.size() - 1).filledNotional));
    }
}
