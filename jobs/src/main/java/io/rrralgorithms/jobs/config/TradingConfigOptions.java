package io.rrralgorithms.jobs.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import io.rrralgorithms.jobs.trading.OrderType;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import io.rrralgorithms.jobs.trading.ThresholdStrategy;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;

/**
 * Paper-trading settings of the job: keys, defaults, descriptions; every account gets the same
 * ({@link io.rrralgorithms.jobs.trading.TradingConfig#accounts} reads them). Quantities are in base
 * units, money in the quote currency, fees and bands as fractions; decimals are strings so they
 * stay exact. Defaults suit the shared BTCUSDT captures: small size, 10 bps taker / 2 bps maker.
 */
public final class TradingConfigOptions {
    private TradingConfigOptions() {}

    public static final ConfigOption<Boolean> ENABLED = key("rrr.trading.enabled").booleanType().defaultValue(false)
            .withDescription("paper-trade on the scores (needs scoring); writes orders, fills, positions, pnl, "
                    + "risk_events");

    public static final ConfigOption<List<String>> ACCOUNTS = key("rrr.trading.accounts").stringType().asList()
            .defaultValues("paper").withDescription("paper account id(s), each with the settings below");

    public static final ConfigOption<Double> ENTRY_THRESHOLD = key("rrr.trading.entry-threshold").doubleType()
            .defaultValue(0.5).withDescription("|score| above which the strategy opens a position");

    public static final ConfigOption<Double> EXIT_THRESHOLD = key("rrr.trading.exit-threshold").doubleType()
            .defaultValue(0.1).withDescription("|score| below which it closes it (hysteresis)");

    public static final ConfigOption<String> ORDER_QUANTITY = key("rrr.trading.order-qty").stringType()
            .defaultValue("0.01").withDescription("order quantity, base units");

    public static final ConfigOption<String> MAX_POSITION = key("rrr.trading.max-position").stringType()
            .defaultValue("0.05").withDescription("strategy's max |position|, base units");

    public static final ConfigOption<Long> COOLDOWN_MS = key("rrr.trading.cooldown-ms").longType().defaultValue(5_000L)
            .withDescription("event time between two entries of an instrument");

    public static final ConfigOption<OrderType> ORDER_TYPE = key("rrr.trading.order-type").enumType(OrderType.class)
            .defaultValue(OrderType.MARKET).withDescription("MARKET, IOC or LIMIT");

    public static final ConfigOption<Long> IOC_ALLOWANCE_BPS = key("rrr.trading.ioc-allowance-bps").longType()
            .defaultValue(ThresholdStrategy.DEFAULT_IOC_ALLOWANCE_BPS)
            .withDescription("IOC orders are priced this far through the touch");

    public static final ConfigOption<String> STRATEGY = key("rrr.trading.strategy").stringType()
            .defaultValue("threshold").withDescription("threshold: enter when |score| exceeds --entry-threshold, in "
                    + "--order-qty steps; cost-aware: enter only when the predicted move exceeds the taker fee, half the "
                    + "spread and the slippage at the order's size on the live book by --cost-margin-bps, sized in "
                    + "quote currency (--order-notional, --max-position-notional)");

    public static final ConfigOption<String> ORDER_NOTIONAL = key("rrr.trading.order-notional").stringType()
            .defaultValue("100").withDescription("cost-aware strategy: quote currency per order");

    public static final ConfigOption<String> MAX_POSITION_NOTIONAL = key("rrr.trading.max-position-notional")
            .stringType().defaultValue("500").withDescription("cost-aware strategy: quote currency of the target position");

    public static final ConfigOption<Double> COST_MARGIN_BPS = key("rrr.trading.cost-margin-bps").doubleType()
            .defaultValue(1.0).withDescription("cost-aware strategy: the predicted move must exceed the expected cost "
                    + "by this many basis points");

    public static final ConfigOption<Long> ORDER_LATENCY_MS = key("rrr.trading.order-latency-ms").longType()
            .defaultValue(50L).withDescription("event time from order creation to its arrival at the book");

    public static final ConfigOption<Map<String, String>> TAKER_FEE = key("rrr.trading.taker-fee").mapType()
            .defaultValue(Map.of("binance-spot", "0.001", "binance-usdm", "0.0005"))
            .withDescription("taker fee per feed as a fraction of notional; given fees replace these feeds' defaults");

    public static final ConfigOption<Map<String, String>> MAKER_FEE = key("rrr.trading.maker-fee").mapType()
            .defaultValue(Map.of("binance-spot", "0.001", "binance-usdm", "0.0002"))
            .withDescription("maker fee per feed as a fraction of notional; given fees replace these feeds' defaults");

    public static final ConfigOption<String> RISK_MAX_POSITION = key("rrr.risk.max-position").stringType()
            .defaultValue("0.1")
            .withDescription("max |position| per instrument, base units, orders beyond are rejected (position_cap)");

    public static final ConfigOption<String> RISK_MAX_NOTIONAL = key("rrr.risk.max-notional").stringType()
            .defaultValue("10000").withDescription("max |notional| per instrument (notional_cap)");

    public static final ConfigOption<String> RISK_MAX_TOTAL_NOTIONAL = key("rrr.risk.max-total-notional").stringType()
            .defaultValue("15000").withDescription("max gross notional of the account (total_notional_cap)");

    public static final ConfigOption<Integer> RISK_MAX_ORDERS = key("rrr.risk.max-orders").intType().defaultValue(20)
            .withDescription("orders allowed per window (order_rate)");

    public static final ConfigOption<Long> RISK_ORDER_WINDOW_MS = key("rrr.risk.order-window-ms").longType()
            .defaultValue(60_000L).withDescription("the order-rate window");

    public static final ConfigOption<String> RISK_PRICE_BAND = key("rrr.risk.price-band").stringType()
            .defaultValue("0.01").withDescription("max |price - mid| / mid of a priced order (price_band)");

    public static final ConfigOption<String> RISK_REDUCE_DRAWDOWN = key("rrr.risk.reduce-drawdown").stringType()
            .defaultValue("50").withDescription("drawdown (peak equity - equity) that moves the account to REDUCING");

    public static final ConfigOption<String> RISK_HALT_DRAWDOWN = key("rrr.risk.halt-drawdown").stringType()
            .defaultValue("100").withDescription("drawdown that moves it to HALTED");

    public static final ConfigOption<String> CAPITAL = key("rrr.trading.capital").stringType().noDefaultValue()
            .withDescription("account capital in quote currency: with --risk-max-drawdown-pct the halt drawdown is that "
                    + "share of it; paper-report --capital states equity, return and drawdown in % of it. Unset: none");

    public static final ConfigOption<Double> RISK_MAX_DRAWDOWN_PCT = key("rrr.risk.max-drawdown-pct").doubleType()
            .noDefaultValue().withDescription("with --capital: HALTED when the rolling-window drawdown reaches this "
                    + "% of the capital (the lower of it and an explicit --risk-halt-drawdown), REDUCING at half of it "
                    + "(unless --risk-reduce-drawdown is given). Unset: --risk-halt-drawdown only");

    public static final ConfigOption<Long> RISK_DRAWDOWN_WINDOW_MS = key("rrr.risk.drawdown-window-ms").longType()
            .defaultValue(600_000L).withDescription("rolling window of the peak equity");

    public static final ConfigOption<String> RISK_CONTROL_TOPIC = key("rrr.risk.control-topic").stringType()
            .defaultValue("rrr.control.risk").withDescription("Kafka topic of risk commands {\"accountId\","
                    + "\"command\":\"KILL|HALT|REDUCE|ACTIVATE\",\"reason\"}");

    public static final ConfigOption<String> RISK_HMAC_KEY_FILE = key("rrr.risk.hmac-key-file").stringType()
            .noDefaultValue().withDescription("risk commands must be signed (HMAC-SHA256) with the key in this file, "
                    + "read by the task managers. Unset: the environment variable " + RiskCommandAuth.KEY_ENV
                    + "; with neither, every risk command is refused");
}
