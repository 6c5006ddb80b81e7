package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.jobs.features.FeatureRow;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Puts the {@link ScoringOperator} on the features stream. */
public final class Scoring {
    private Scoring() {}

    /**
     * @param features feature rows; scored at the features' parallelism, forward, so that every
     *     instrument's rows keep their event-time order and one subtask scores all of them
     * @param announcements model announcements, or null for none (then only {@code --model-dir} serves)
     * @return scores, with the model events as side output {@link ScoringOperator#MODEL_EVENTS}
     */
    public static SingleOutputStreamOperator<Score> attach(DataStream<FeatureRow> features,
            DataStream<ModelAnnouncement> announcements, ScoringOptions options) {
        if (announcements == null) {
            // an empty collection source fails in Flink 2.0: one placeholder, filtered out
            announcements = features.getExecutionEnvironment()
                    .fromData(TypeInformation.of(ModelAnnouncement.class), new ModelAnnouncement())
                    .name("no-model-announcements").uid("no-model-announcements").setParallelism(1)
                    .filter(a -> false).name("no-model-announcements-filter").uid("no-model-announcements-filter")
                    .setParallelism(1);
        }
        int parallelism = features.getParallelism();
        return features.forward()
                .connect(announcements.broadcast())
                .transform("scoring", TypeInformation.of(Score.class), new ScoringOperator(options))
                .setParallelism(parallelism)
                .uid("scoring");
    }
}
