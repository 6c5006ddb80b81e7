package io.rrralgorithms.jobs;

import io.rrralgorithms.connectors.flink.RawFrameKafkaSource;
import io.rrralgorithms.connectors.flink.StartPlanner;
import io.rrralgorithms.connectors.flink.StartPlanner.StartPlan;
import io.rrralgorithms.connectors.model.MarketEvent;
import io.rrralgorithms.jobs.config.JobConfigOptions;
import io.rrralgorithms.jobs.config.ScoringConfigOptions;
import io.rrralgorithms.jobs.config.TradingConfigOptions;
import io.rrralgorithms.jobs.scoring.ModelAnnouncement;
import io.rrralgorithms.jobs.scoring.ModelControl;
import io.rrralgorithms.jobs.trading.RiskCommand;
import io.rrralgorithms.jobs.trading.flink.RiskControl;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The job's Kafka sources, for the local run and the cluster entry point alike: the raw frames of
 * the feeds, the model announcements (scoring on) and the risk commands (trading on), each with the
 * user's Kafka client settings and the consumer group of {@link JobConfigOptions#GROUP_ID}.
 */
public final class JobSources {
    private final String bootstrapServers;
    private final Map<String, String> kafkaProperties;
    private final ReadableConfig config;

    /** @param config the job's settings ({@link JobConfigOptions}, {@link ScoringConfigOptions}, …) */
    public JobSources(String bootstrapServers, Map<String, String> kafkaProperties, ReadableConfig config) {
        this.bootstrapServers = bootstrapServers;
        this.kafkaProperties = kafkaProperties;
        this.config = config;
    }

    /** The raw frames of {@code feeds}, decoded; bounded: up to the offsets that are latest at start. */
    public KafkaSource<MarketEvent> rawFrames(List<String> feeds, boolean bounded) {
        return rawFrames(feeds, bounded, Optional.empty());
    }

    /**
     * The same, read from a backfill's warm-up offsets where {@code plan} is given (see
     * {@link #startPlan}), else from {@link JobConfigOptions#FROM}.
     */
    public KafkaSource<MarketEvent> rawFrames(List<String> feeds, boolean bounded, Optional<StartPlan> plan) {
        RawFrameKafkaSource source = RawFrameKafkaSource.builder()
                .bootstrapServers(bootstrapServers)
                .properties(kafkaProperties)
                .topicPrefix(config.get(JobConfigOptions.TOPIC_PREFIX))
                .feeds(feeds)
                .groupId(groupId())
                .frameLimits(JobConfigOptions.frameLimits(config))
                .bounded(bounded);
        if (plan.isPresent()) {
            source.startingFromOffsets(plan.get().readFrom());
        } else {
            source.startingFrom(config.get(JobConfigOptions.FROM));
        }
        return source.build();
    }

    /**
     * Where a backfill from {@link JobConfigOptions#FROM} reads from to rebuild every instrument's
     * state before its start ({@link StartPlanner}); empty for {@code earliest}, {@code latest}, a
     * start at the beginning of every partition, and a job restored from a checkpoint or savepoint
     * (its offsets and state are in the snapshot).
     */
    public Optional<StartPlan> startPlan(List<String> feeds, boolean restored) {
        String from = config.get(JobConfigOptions.FROM);
        if (restored || !StartPlanner.needsWarmUp(from)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        kafkaProperties.forEach((k, v) -> p.put(k.trim(), v));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId());
        return new StartPlanner(p, config.get(JobConfigOptions.TOPIC_PREFIX), JobConfigOptions.frameLimits(config))
                .plan(feeds, from, config.get(JobConfigOptions.WARM_UP_LOOK_BACK_MS),
                        config.get(JobConfigOptions.OUT_OF_ORDERNESS_MS), config.get(TradingConfigOptions.ENABLED));
    }

    /** The model announcements when scoring is on (the control topic is created where missing), else null. */
    public KafkaSource<ModelAnnouncement> modelAnnouncements(boolean bounded) {
        if (!ScoringConfigOptions.enabled(config)) {
            return null;
        }
        String topic = config.get(ScoringConfigOptions.CONTROL_TOPIC);
        try {
            ModelControl.ensureTopic(bootstrapServers, kafkaProperties, topic);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return ModelControl.source(bootstrapServers, kafkaProperties, topic, groupId() + ".control", bounded);
    }

    /** The risk commands when trading is on (the topic is created where missing), else null. */
    public KafkaSource<RiskCommand> riskCommands(boolean bounded) {
        if (!config.get(TradingConfigOptions.ENABLED)) {
            return null;
        }
        String topic = config.get(TradingConfigOptions.RISK_CONTROL_TOPIC);
        try {
            RiskControl.ensureTopic(bootstrapServers, kafkaProperties, topic);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return RiskControl.source(bootstrapServers, kafkaProperties, topic, groupId() + ".risk-control", bounded);
    }

    private String groupId() {
        return config.get(JobConfigOptions.GROUP_ID);
    }
}
