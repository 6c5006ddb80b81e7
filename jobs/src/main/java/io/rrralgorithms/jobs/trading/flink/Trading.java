package io.rrralgorithms.jobs.trading.flink;

import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.book.BookTop;
import io.rrralgorithms.jobs.scoring.Score;
import io.rrralgorithms.jobs.trading.Order;
import io.rrralgorithms.jobs.trading.RiskCommand;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the {@link TradingOperator} behind the order book, the trades and the scores. */
public final class Trading {
    private static final Logger LOG = LoggerFactory.getLogger(Trading.class);
    static final TypeInformation<TradingInput> INPUT = TypeInformation.of(TradingInput.class);

    private Trading() {}

    /**
     * @param bookTops every book top after every applied diff
     * @param trades public trades
     * @param scores model scores
     * @param commands risk commands from the control topic (with their record times), or null
     * @return order updates, with fills, positions, PnL and risk events as side outputs of
     *     {@link TradingOperator}
     */
    public static SingleOutputStreamOperator<Order> attach(DataStream<BookTop> bookTops, DataStream<MarketEvent> trades,
            DataStream<Score> scores, DataStream<RiskCommand> commands, TradingOptions options) {
        List<String> accounts = options.accountIds();
        DataStream<TradingInput> market = bookTops.map(new OfBook()).returns(INPUT).name("trading-books")
                .uid("trading-books")
                .union(trades.map(new OfTrade()).returns(INPUT).name("trading-trades").uid("trading-trades"),
                        scores.map(new OfScore()).returns(INPUT).name("trading-scores").uid("trading-scores"))
                .flatMap(new ToAccounts(accounts)).returns(INPUT).name("trading-to-accounts").uid("trading-to-accounts");
        DataStream<TradingInput> control;
        if (commands != null) {
            // verified in topic order, keyed by the account each names: a refused command is recorded, not applied
            control = commands.keyBy(new ByCommandAccount())
                    .process(new RiskCommandVerifier(options.riskKey())).returns(RiskCommand.class)
                    .name("risk-command-verify").uid("risk-command-verify")
                    .map(new OfCommand()).returns(INPUT).name("risk-commands").uid("risk-commands")
                    .flatMap(new ToAccounts(accounts)).returns(INPUT).name("risk-commands-to-accounts")
                    .uid("risk-commands-to-accounts");
        } else {
            // an empty collection source fails in Flink 2.0: one placeholder, filtered out
            control = bookTops.getExecutionEnvironment().fromData(INPUT, new TradingInput())
                    .name("no-risk-commands").uid("no-risk-commands").setParallelism(1)
                    .filter(i -> false).name("no-risk-commands-filter").uid("no-risk-commands-filter")
                    .setParallelism(1);
        }
        return market.keyBy(new ByAccount())
                .connect(control.keyBy(new ByAccount()))
                .transform("trading", TypeInformation.of(Order.class), new TradingOperator(options))
                .uid("trading");
    }

    static final class OfBook implements MapFunction<BookTop, TradingInput> {
        @Override
        public TradingInput map(BookTop t) {
            return TradingInput.book(t);
        }
    }

    static final class OfTrade implements MapFunction<MarketEvent, TradingInput> {
        @Override
        public TradingInput map(MarketEvent e) {
            return TradingInput.trade(e);
        }
    }

    static final class OfScore implements MapFunction<Score, TradingInput> {
        @Override
        public TradingInput map(Score s) {
            return TradingInput.score(s);
        }
    }

    static final class OfCommand implements MapFunction<RiskCommand, TradingInput> {
        @Override
        public TradingInput map(RiskCommand c) {
            return TradingInput.control(c);
        }
    }

    /**
     * Market inputs to every account; a command to its account, or to every account for
     * {@code "*"}; a command for an unknown account is logged and skipped.
     */
    static final class ToAccounts implements FlatMapFunction<TradingInput, TradingInput> {
        private final List<String> accounts;

        ToAccounts(List<String> accounts) {
            this.accounts = List.copyOf(accounts);
        }

        @Override
        public void flatMap(TradingInput in, Collector<TradingInput> out) {
            if (in.kind != TradingInput.CONTROL || RiskControl.ALL_ACCOUNTS.equals(in.accountId)) {
                for (String a : accounts) {
                    TradingInput copy = in.forAccount(a);
                    if (copy.control != null) {
                        copy.control = copy.control.forAccount(a);
                    }
                    out.collect(copy);
                }
            } else if (accounts.contains(in.accountId)) {
                out.collect(in);
            } else {
                LOG.warn("risk command for unknown account '{}' skipped (accounts: {})", in.accountId, accounts);
            }
        }
    }

    static final class ByCommandAccount implements KeySelector<RiskCommand, String> {
        @Override
        public String getKey(RiskCommand c) {
            return c.accountId;
        }
    }

    static final class ByAccount implements KeySelector<TradingInput, String> {
        @Override
        public String getKey(TradingInput i) {
            return i.accountId;
        }
    }
}
