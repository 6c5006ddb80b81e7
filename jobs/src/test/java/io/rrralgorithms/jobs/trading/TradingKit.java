package io.rrralgorithms.jobs.trading;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rrralgorithms.connectors.adapters.FrameDecoder;
import io.rrralgorithms.connectors.capture.CaptureFiles;
import io.rrralgorithms.connectors.capture.CaptureReader;
import io.rrralgorithms.connectors.model.Decimals;
import io.rrralgorithms.connectors.model.EventType;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.connectors.model.RawFrame;
import io.rrralgorithms.connectors.venues.Venues;
import io.rrralgorithms.jobs.SharedData;
import io.rrralgorithms.jobs.book.BookGap;
import io.rrralgorithms.jobs.book.BookOutput;
import io.rrralgorithms.jobs.book.BookSynchronizer;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.book.OrderBook;
import io.rrralgorithms.jobs.scoring.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the trading engine tests: books, trades, configs, a scripted strategy, a collecting output. */
final class TradingKit {
    static final String SPOT = "binance-spot";
    static final String USDM = "binance-usdm";
    static final ObjectMapper JSON = new ObjectMapper();

    private TradingKit() {}

    static long px(String s) {
        return Decimals.parse(s);
    }

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    /** A hand-made top: levels as "price:size" strings, best first. */
    static BookTop book(String feed, long timeMs, String[] bids, String[] asks) {
        BookTop t = new BookTop();
        t.feed = feed;
        t.nativeSymbol = "BTCUSDT";
        t.symbol = feed.equals(SPOT) ? "BTC-USDT" : "BTC-USDT-PERP";
        t.exchangeTimeMs = timeMs;
        t.synced = true;
        t.bidPrices = new long[bids.length];
        t.bidSizes = new long[bids.length];
        t.askPrices = new long[asks.length];
        t.askSizes = new long[asks.length];
        for (int i = 0; i < bids.length; i++) {
            String[] p = bids[i].split(":");
            t.bidPrices[i] = px(p[0]);
            t.bidSizes[i] = px(p[1]);
        }
        for (int i = 0; i < asks.length; i++) {
            String[] p = asks[i].split(":");
            t.askPrices[i] = px(p[0]);
            t.askSizes[i] = px(p[1]);
        }
        return t;
    }

    static BookTop book(long timeMs, String[] bids, String[] asks) {
        return book(SPOT, timeMs, bids, asks);
    }

    static String[] lv(String... levels) {
        return levels;
    }

    static MarketEvent trade(String feed, long timeMs, String price, String size, boolean takerBuy) {
        MarketEvent e = new MarketEvent();
        e.type = EventType.TRADE;
        e.feed = feed;
        e.nativeSymbol = "BTCUSDT";
        e.exchangeTimeMs = timeMs;
        e.price = px(price);
        e.size = px(size);
        e.takerBuy = takerBuy;
        return e;
    }

    static MarketEvent trade(long timeMs, String price, String size, boolean takerBuy) {
        return trade(SPOT, timeMs, price, size, takerBuy);
    }

    static Score score(String feed, long timeMs, double value) {
        Score s = new Score();
        s.feed = feed;
        s.nativeSymbol = "BTCUSDT";
        s.symbol = feed.equals(SPOT) ? "BTC-USDT" : "BTC-USDT-PERP";
        s.featureTimeMs = timeMs;
        s.modelVersion = "test";
        s.score = value;
        return s;
    }

    static Score score(long timeMs, double value) {
        return score(SPOT, timeMs, value);
    }

    /** A config with test values; change what a test needs with the builder. */
    static final class Cfg {
        String accountId = "paper";
        double entry = 1e-4;
        double exit = 3e-5;
        long orderQty = px("0.01");
        long maxPos = px("0.05");
        long cooldownMs = 0;
        OrderType type = OrderType.MARKET;
        long latencyMs = 0;
        Map<String, BigDecimal> taker = new HashMap<>(Map.of(SPOT, bd("0.001"), USDM, bd("0.0005")));
        Map<String, BigDecimal> maker = new HashMap<>(Map.of(SPOT, bd("0.0002"), USDM, bd("0.0001")));
        long riskMaxPos = Long.MAX_VALUE / 4;
        BigDecimal riskNotional = bd("1e30");
        BigDecimal riskTotal = bd("1e30");
        int riskOrders = Integer.MAX_VALUE;
        long riskWindowMs = 60_000;
        BigDecimal band = bd("1e9");
        BigDecimal reduceDd = bd("1e30");
        BigDecimal haltDd = bd("1e31");
        long ddWindowMs = 600_000;

        TradingConfig build() {
            return new TradingConfig(accountId, entry, exit, orderQty, maxPos, cooldownMs, type, latencyMs, taker, maker,
                    riskMaxPos, riskNotional, riskTotal, riskOrders, riskWindowMs, band, reduceDd, haltDd, ddWindowMs);
        }
    }

    /** The engine's parts on one fresh state, wired as {@link TradingEngine} wires them, for tests of one part. */
    static final class Parts {
        final TradingState state = new TradingState();
        final Portfolio portfolio;
        final OpenOrders open;
        final PaperMatcher matcher;
        final RiskEngine risk;

        Parts(TradingConfig config) {
            portfolio = new Portfolio(config.accountId(), state);
            open = new OpenOrders(state);
            matcher = new PaperMatcher(config, portfolio, open);
            risk = new RiskEngine(config, state, portfolio, open, matcher);
        }

        /** The instrument of {@code top}, marked by it (as the engine does on each top). */
        InstrumentState marked(BookTop top) {
            InstrumentState inst = portfolio.instrument(top.feed, top.nativeSymbol, top.symbol);
            portfolio.mark(inst, top);
            return inst;
        }
    }

    /** An order of the "paper" account on BTCUSDT of {@code feed}, as a strategy creates it (price null: MARKET). */
    static Order order(String id, String feed, Side side, OrderType type, String price, String qty) {
        Order o = new Order();
        o.orderId = id;
        o.accountId = "paper";
        o.feed = feed;
        o.nativeSymbol = "BTCUSDT";
        o.side = side;
        o.type = type;
        o.price = price == null ? 0L : px(price);
        o.quantity = px(qty);
        return o;
    }

    /** Order requests a {@link Scripted} strategy sends at its next onScore calls. */
    record Req(Side side, OrderType type, String price, String qty) {}

    /** Sends, at each score, the next queued requests; a Req with a null side cancels the open orders. */
    static final class Scripted implements Strategy {
        final Deque<List<Req>> script = new ArrayDeque<>();

        Scripted then(Req... reqs) {
            script.add(List.of(reqs));
            return this;
        }

        Scripted cancelAll() {
            return then(new Req(null, null, null, null));
        }

        @Override
        public List<Order> onScore(String instrumentKey, double score, Context ctx) {
            List<Req> reqs = script.isEmpty() ? List.of() : script.poll();
            List<Order> out = new ArrayList<>();
            for (Req r : reqs) {
                if (r.side() == null) {
                    for (Order o : new ArrayList<>(ctx.openOrders())) {
                        ctx.cancel(o, "test cancel");
                    }
                } else {
                    out.add(ctx.newOrder(r.side(), r.type(), r.price() == null ? 0 : px(r.price()), px(r.qty()), "test"));
                }
            }
            return out;
        }
    }

    /** Collects every output, in order. */
    static final class Out implements TradingOutput {
        final List<Order> orders = new ArrayList<>();
        final List<Fill> fills = new ArrayList<>();
        final List<PositionSnapshot> positions = new ArrayList<>();
        final List<PnlSnapshot> pnls = new ArrayList<>();
        final List<RiskEvent> risk = new ArrayList<>();
        /** Everything as JSON lines, in emission order. */
        final List<String> all = new ArrayList<>();

        private void log(String kind, Object o) {
            try {
                all.add(kind + ' ' + JSON.writeValueAsString(o));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void order(Order order) {
            orders.add(order);
            log("order", order);
        }

        @Override
        public void fill(Fill fill) {
            fills.add(fill);
            log("fill", fill);
        }

        @Override
        public void position(PositionSnapshot snapshot) {
            positions.add(snapshot);
            log("position", snapshot);
        }

        @Override
        public void pnl(PnlSnapshot snapshot) {
            pnls.add(snapshot);
            log("pnl", snapshot);
        }

        @Override
        public void riskEvent(RiskEvent event) {
            risk.add(event);
            log("risk", event);
        }

        Order lastOrder() {
            return orders.get(orders.size() - 1);
        }

        List<Order> updatesOf(String orderId) {
            return orders.stream().filter(o -> o.orderId.equals(orderId)).toList();
        }

        RiskEvent lastRisk() {
            return risk.get(risk.size() - 1);
        }
    }

    /** An input of the engine: exactly one of top, trade, score, command, or a second end. */
    record Input(long timeMs, BookTop top, MarketEvent trade, Score score, RiskCommand command, boolean second) {
        static Input top(BookTop t, long timeMs) {
            return new Input(timeMs, t, null, null, null, false);
        }

        static Input trade(MarketEvent t) {
            return new Input(t.exchangeTimeMs, null, t, null, null, false);
        }

        static Input score(Score s) {
            return new Input(s.featureTimeMs, null, null, s, null, false);
        }

        static Input second(long endMs) {
            return new Input(endMs, null, null, null, null, true);
        }

        void feed(TradingEngine engine, TradingOutput out) {
            if (top != null) {
                engine.onBook(top, timeMs, out);
            } else if (trade != null) {
                engine.onTrade(trade, timeMs, out);
            } else if (score != null) {
                engine.onScore(score, timeMs, out);
            } else if (command != null) {
                engine.onControl(command, timeMs, out);
            } else {
                engine.onSecond(timeMs, out);
            }
        }
    }

    /** Book tops and trades of the start of a recorded capture, by event time (stable). */
    static List<Input> recorded(String relative, int maxTops) {
        List<Input> inputs = new ArrayList<>();
        BookSynchronizer sync = new BookSynchronizer(10, 10_000);
        OrderBook book = OrderBook.empty();
        int[] tops = {0};
        long[] evTime = {0};
        BookOutput bookOut = new BookOutput() {
            @Override
            public void top(BookTop top) {
                tops[0]++;
                inputs.add(Input.top(top, evTime[0]));
            }

            @Override
            public void gap(BookGap gap) {}
        };
        try (CaptureReader r = CaptureFiles.open(SharedData.market(relative), null)) {
            FrameDecoder decoder = null;
            while (r.hasNext() && tops[0] < maxTops) {
                RawFrame f = r.next();
                if (decoder == null) {
                    decoder = Venues.forFeed(f.feed).decoder();
                }
                try {
                    decoder.decode(f, ev -> {
                        evTime[0] = ev.eventTimeMs();
                        switch (ev.type) {
                            case BOOK_DELTA, BOOK_SNAPSHOT -> sync.process(book, ev, bookOut);
                            case TRADE -> inputs.add(Input.trade(ev));
                            default -> { }
                        }
                    });
                } catch (Exception e) {
                    // a dead letter in the job
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        inputs.sort(Comparator.comparingLong(Input::timeMs));
        return inputs;
    }
}
