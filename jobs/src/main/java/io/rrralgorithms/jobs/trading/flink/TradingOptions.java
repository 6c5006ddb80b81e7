package io.rrralgorithms.jobs.trading.flink;

import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.trading.RiskCommandAuth;
import io.rrralgorithms.jobs.trading.TradingConfig;
import java.io.Serializable;
import java.util.List;

/**
 * The trading stage of the job.
 *
 * @param enabled whether the job trades on paper (needs scores, i.e. scoring on)
 * @param accounts one config per paper account; every market input goes to every account
 * @param controlTopic Kafka topic of risk commands (kill switch, manual state changes)
 * @param strategy makes each account's strategy from its config
 * @param stateRoundTrip test/debug: write the engine state to keyed state and read it back (JSON)
 *     at every second end, instead of keeping the live engine until the next checkpoint: a run
 *     that gives the same rows proves that the keyed state holds everything
 * @param riskKey where the task managers read the key that risk commands must be signed with
 */
public record TradingOptions(boolean enabled, List<TradingConfig> accounts, String controlTopic,
        StrategyFactory strategy, boolean stateRoundTrip, RiskCommandAuth.KeySource riskKey) implements Serializable {
    public static final String DEFAULT_CONTROL_TOPIC = TradingConfigOptions.RISK_CONTROL_TOPIC.defaultValue();

    public TradingOptions {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        if (controlTopic == null) {
            controlTopic = DEFAULT_CONTROL_TOPIC;
        }
        if (strategy == null) {
            strategy = StrategyFactory.threshold();
        }
        if (riskKey == null) {
            riskKey = RiskCommandAuth.KeySource.environment();
        }
        if (enabled && accounts.isEmpty()) {
            throw new IllegalArgumentException("trading needs at least one account");
        }
        if (accounts.stream().map(TradingConfig::accountId).distinct().count() != accounts.size()) {
            throw new IllegalArgumentException("account ids must be distinct: " + accounts.stream()
                    .map(TradingConfig::accountId).toList());
        }
        for (TradingConfig c : accounts) {
            if (c.accountId() == null || c.accountId().isBlank() || "*".equals(c.accountId())) {
                throw new IllegalArgumentException("invalid account id '" + c.accountId() + "'");
            }
        }
    }

    /** The risk command key from {@value RiskCommandAuth#KEY_ENV}. */
    public TradingOptions(boolean enabled, List<TradingConfig> accounts, String controlTopic, StrategyFactory strategy,
            boolean stateRoundTrip) {
        this(enabled, accounts, controlTopic, strategy, stateRoundTrip, null);
    }

    public static TradingOptions disabled() {
        return new TradingOptions(false, List.of(), DEFAULT_CONTROL_TOPIC, null, false);
    }

    /** On, with these accounts. */
    public static TradingOptions of(TradingConfig... accounts) {
        return new TradingOptions(true, List.of(accounts), DEFAULT_CONTROL_TOPIC, null, false);
    }

    public TradingOptions withControlTopic(String topic) {
        return new TradingOptions(enabled, accounts, topic, strategy, stateRoundTrip, riskKey);
    }

    public TradingOptions withStateRoundTrip(boolean on) {
        return new TradingOptions(enabled, accounts, controlTopic, strategy, on, riskKey);
    }

    /** Risk commands are verified with the key from {@code file} (on the task managers). */
    public TradingOptions withRiskKeyFile(String file) {
        return new TradingOptions(enabled, accounts, controlTopic, strategy, stateRoundTrip,
                new RiskCommandAuth.KeySource(file));
    }

    public List<String> accountIds() {
        return accounts.stream().map(TradingConfig::accountId).toList();
    }
}
