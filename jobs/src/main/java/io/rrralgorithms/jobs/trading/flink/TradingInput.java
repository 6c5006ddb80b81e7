package io.rrralgorithms.jobs.trading.flink;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.trading.RiskCommand;

/**
 * One input of the trading operator, for one account: a book top, a public trade, a model score
 * or a risk command. A flat Flink POJO (one field set per kind) so that the union of the inputs
 * travels and sits in keyed state without Kryo.
 */
public class TradingInput {
    /** Kinds, in the order inputs of the same event-time millisecond are given to the engine. */
    public static final int BOOK = 0;
    public static final int TRADE = 1;
    public static final int SCORE = 2;
    public static final int CONTROL = 3;

    public int kind;
    public String accountId;
    /** Event time the engine sees. */
    public long timeMs;
    public BookTop book;
    public MarketEvent trade;
    public Score score;
    public RiskCommand control;

    public TradingInput() {}

    public static TradingInput book(BookTop t) {
        TradingInput i = new TradingInput();
        i.kind = BOOK;
        i.book = t;
        i.timeMs = t.exchangeTimeMs > 0 ? t.exchangeTimeMs : t.receiveTimeNs / 1_000_000L;
        return i;
    }

    public static TradingInput trade(MarketEvent e) {
        TradingInput i = new TradingInput();
        i.kind = TRADE;
        i.trade = e;
        i.timeMs = e.eventTimeMs();
        return i;
    }

    public static TradingInput score(Score s) {
        TradingInput i = new TradingInput();
        i.kind = SCORE;
        i.score = s;
        i.timeMs = s.featureTimeMs;
        return i;
    }

    public static TradingInput control(RiskCommand c) {
        TradingInput i = new TradingInput();
        i.kind = CONTROL;
        i.control = c;
        i.accountId = c.accountId;
        i.timeMs = c.timeMs;
        return i;
    }

    /** The same input addressed to {@code account} (shallow: the payload is shared, never mutated). */
    public TradingInput forAccount(String account) {
        TradingInput i = new TradingInput();
        i.kind = kind;
        i.accountId = account;
        i.timeMs = timeMs;
        i.book = book;
        i.trade = trade;
        i.score = score;
        i.control = control;
        return i;
    }

    /** Instrument of a market input ("" for controls): the tie-breaker between instruments. */
    public String instrumentKey() {
        return switch (kind) {
            case BOOK -> book.instrumentKey();
            case TRADE -> trade.instrumentKey();
            case SCORE -> score.instrumentKey();
            default -> "";
        };
    }

    @Override
    public String toString() {
        return "TradingInput{" + kind + " " + accountId + " @" + timeMs + " " + instrumentKey() + "}";
    }
}
