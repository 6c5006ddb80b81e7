package io.rrralgorithms.jobs.scoring;

import io.rrralgorithms.jobs.features.FeatureRow;
import io.rrralgorithms.jobs.features.FeatureRowValues;
import io.rrralgorithms.models.registry.ModelDirectory;
import io.rrralgorithms.models.scoring.ModelInputs;
import io.rrralgorithms.models.scoring.ModelLoadException;
import io.rrralgorithms.models.scoring.TfScorer;
import io.rrralgorithms.models.spec.FeatureSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores feature rows with a TensorFlow model, in micro-batches, and swaps the model while running.
 *
 * <p>Input 1: the feature rows of this subtask's instruments (forward from the features operator,
 * so each instrument's rows arrive in event-time order). Input 2: model announcements, broadcast
 * to every subtask.
 *
 * <p>Rows are vectorized on arrival by the serving model's {@link ModelInputs} (its feature spec,
 * per-instrument z-scores and window of rows; rows it cannot vectorize yet are counted and
 * dropped; so are rows arriving while no model is loaded) and buffered. With
 * {@code rrr.scoring.spec-version} set, models of another spec are refused. The buffer is
 * scored in one session call when it reaches the batch size, when the watermark of input 1 passes
 * its oldest row's time + the latency budget, before every checkpoint barrier
 * ({@link #prepareSnapshotPreBarrier}: the buffer is never part of a checkpoint, so nothing
 * buffered can be lost on failure or stop-with-savepoint), at end of input and in finish(). The
 * watermark sent downstream is held back to just before the oldest buffered row, so scores are
 * never late for an event-time consumer. The announcements' input carries no event time and is
 * ignored for watermarks.
 *
 * <p>An announcement is first checked ({@link ModelAdmission}): registered in {@code models}, under
 * the models root, its files with the registered checksum; a refused one loads nothing (the old
 * model keeps serving) and emits a {@code refused} model event with the reason, counted.
 *
 * <p>An admitted announcement is loaded in the task thread. Success: the rows buffered so far are scored
 * by the old model, then the new one serves every later flush, the old one is closed, a
 * {@code swapped} model event is emitted and the announcement is kept in broadcast state, so that
 * a restore from a checkpoint reloads it. Failure (missing or corrupt directory, another feature
 * spec, a version id that differs from the directory's): the old model keeps serving, and a
 * {@code load_failed} event is emitted, logged and counted.
 */
public class ScoringOperator extends AbstractStreamOperator<Score>
        implements TwoInputStreamOperator<FeatureRow, ModelAnnouncement, Score>, BoundedMultiInput {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringOperator.class);

    public static final OutputTag<ModelEvent> MODEL_EVENTS =
            new OutputTag<>("model-events", TypeInformation.of(ModelEvent.class));

    /** The serving announcement, under {@link #SERVING_KEY}. */
    public static final MapStateDescriptor<String, ModelAnnouncement> SERVING_STATE = new MapStateDescriptor<>(
            "serving-model", Types.STRING, TypeInformation.of(ModelAnnouncement.class));
    static final String SERVING_KEY = "serving";

    public static final String ACC_EMITTED = "scores.emitted";
    public static final String ACC_SKIPPED_NO_MODEL = "scores.skippedNoModel";
    public static final String ACC_SKIPPED_UNSCORABLE = "scores.skippedUnscorable";
    public static final String ACC_SWAPS = "models.swapped";
    public static final String ACC_LOAD_FAILURES = "models.loadFailed";
    public static final String ACC_REFUSED = "models.refused";

    private final String specVersion;
    private final String initialModelDir;
    private final int batchSize;
    private final long latencyBudgetMs;
    private final String tfDevice;
    private final ModelAdmission admission;

    private transient FeatureSpec spec;
    private transient BroadcastState<String, ModelAnnouncement> servingState;
    private transient ModelAnnouncement restored;
    private transient TfScorer scorer;
    /** The serving model's inputs: its spec, per-instrument normalization and window (fresh on every load). */
    private transient ModelInputs inputs;
    private transient ModelAnnouncement serving;
    private transient ServingModelMetrics servingMetrics;
    private transient int subtask;

    private transient List<FeatureRow> rows;
    private transient List<float[]> vectors;
    private transient long oldestMs;
    private transient long inputWatermark;
    private transient long emittedWatermark;
    private transient List<ModelEvent> pendingEvents;
    private transient long lastEventMs;
    private transient StreamRecord<Score> reuse;

    private transient Counters emitted;
    private transient Counters skippedNoModel;
    private transient Counters skippedUnscorable;
    private transient Counters swaps;
    private transient Counters loadFailures;
    private transient Counters refusals;

    public ScoringOperator(ScoringOptions options) {
        this.specVersion = options.specVersion();
        this.initialModelDir = options.modelDir();
        this.batchSize = options.batchSize();
        this.latencyBudgetMs = options.latencyBudget().toMillis();
        this.tfDevice = options.tfDevice();
        this.admission = options.admission();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        servingState = context.getOperatorStateStore().getBroadcastState(SERVING_STATE);
        restored = context.isRestored() ? servingState.get(SERVING_KEY) : null;
    }

    @Override
    public void open() throws Exception {
        super.open();
        spec = specVersion == null ? null : FeatureSpec.byVersion(specVersion);
        subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        rows = new ArrayList<>(batchSize);
        vectors = new ArrayList<>(batchSize);
        oldestMs = Long.MAX_VALUE;
        inputWatermark = Long.MIN_VALUE;
        emittedWatermark = Long.MIN_VALUE;
        pendingEvents = new ArrayList<>();
        reuse = new StreamRecord<>(null);
        emitted = new Counters("scoresEmitted", ACC_EMITTED);
        skippedNoModel = new Counters("scoresSkippedNoModel", ACC_SKIPPED_NO_MODEL);
        skippedUnscorable = new Counters("scoresSkippedUnscorable", ACC_SKIPPED_UNSCORABLE);
        swaps = new Counters("modelSwaps", ACC_SWAPS);
        loadFailures = new Counters("modelLoadFailures", ACC_LOAD_FAILURES);
        servingMetrics = new ServingModelMetrics(getMetricGroup(), () -> serving == null ? null : serving.versionId);
        refusals = new Counters("modelAnnouncementsRefused", ACC_REFUSED);

        ModelAnnouncement initial = restored;
        if (initial != null && !initial.modelDir.equals(initialModelDir)) {
            initial = readmit(initial); // an announced model: its files are checked again
        }
        if (initial == null && initialModelDir != null) {
            initial = new ModelAnnouncement(versionIn(initialModelDir), initialModelDir, System.currentTimeMillis());
        }
        if (initial != null) {
            // Model events cannot be emitted from open(): they go out with the first record or watermark.
            load(initial, ModelEvent.LOADED, pendingEvents);
        }
    }

    /** A restored announcement, re-checked (root and checksum kept in state, else the registry); null if refused. */
    private ModelAnnouncement readmit(ModelAnnouncement a) {
        try {
            if (a.checksum == null) {
                return admitted(a, admission.admit(a));
            }
            ModelAdmission.verifyFiles(admission.underRoot(a.modelDir), a.checksum);
            return a;
        } catch (ModelAdmission.Refused r) {
            refuse(a, r.getMessage(), pendingEvents);
            return null;
        }
    }

    private static ModelAnnouncement admitted(ModelAnnouncement a, ModelAdmission.Admitted ok) {
        ModelAnnouncement v = new ModelAnnouncement(a.versionId, ok.dir().toString(), a.announcedAtMs);
        v.checksum = ok.checksum();
        return v;
    }

    private void refuse(ModelAnnouncement a, String why, List<ModelEvent> deferred) {
        refusals.inc();
        String still = serving == null ? "no model is serving" : serving.versionId + " keeps serving";
        LOG.warn("subtask {}: announcement of {} at {} refused: {}; {}", subtask, a.versionId, a.modelDir, why, still);
        emitEvent(new ModelEvent(0, subtask, ModelEvent.REFUSED, a.versionId, a.modelDir, why + "; " + still), deferred);
    }

    private static String versionIn(String dir) {
        try {
            return ModelDirectory.readMetadata(Path.of(dir)).versionId;
        } catch (Exception e) {
            return null; // the load fails and says why
        }
    }

    @Override
    public void processElement1(StreamRecord<FeatureRow> element) throws Exception {
        drainEvents();
        FeatureRow row = element.getValue();
        if (scorer == null) {
            // nothing to score with: counted as unscorable if no spec could vectorize it, else as no model
            FeatureSpec check = spec != null ? spec : FeatureSpec.V1;
            if (check.vector(FeatureRowValues.of(row)) == null) {
                skippedUnscorable.inc();
            } else {
                skippedNoModel.inc();
            }
            return;
        }
        float[] x = inputs.next(row.instrumentKey(), row.timeMs, FeatureRowValues.of(row));
        if (x == null) {
            skippedUnscorable.inc(); // no valid book, or the model's window of rows is not full yet
            return;
        }
        rows.add(row);
        vectors.add(x);
        oldestMs = Math.min(oldestMs, row.timeMs);
        if (rows.size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void processElement2(StreamRecord<ModelAnnouncement> element) throws Exception {
        drainEvents();
        ModelAnnouncement a = element.getValue();
        if (a.sameModel(serving)) {
            LOG.info("subtask {}: {} is already serving; announcement ignored", subtask, a);
            return;
        }
        ModelAdmission.Admitted ok;
        try {
            ok = admission.admit(a);
        } catch (ModelAdmission.Refused r) {
            refuse(a, r.getMessage(), null);
            return;
        }
        load(admitted(a, ok), ModelEvent.SWAPPED, null);
    }

    /** Loads {@code a}; on success swaps it in, on failure keeps the old model. Events go to {@code deferred} or out. */
    private void load(ModelAnnouncement a, String kind, List<ModelEvent> deferred) throws Exception {
        TfScorer next;
        try {
            next = spec != null ? TfScorer.load(Path.of(a.modelDir), spec, tfDevice)
                    : TfScorer.loadAnySpec(Path.of(a.modelDir), tfDevice);
            if (a.versionId != null && !a.versionId.equals(next.versionId())) {
                String found = next.versionId();
                next.close();
                throw new ModelLoadException("announced version " + a.versionId + " but " + a.modelDir + " holds "
                        + found);
            }
        } catch (ModelLoadException | RuntimeException e) {
            loadFailures.inc();
            String still = serving == null ? "no model is serving" : serving.versionId + " keeps serving";
            LOG.error("subtask {}: cannot load model {} from {}: {}; {}", subtask, a.versionId, a.modelDir,
                    e.getMessage(), still);
            emitEvent(new ModelEvent(0, subtask, ModelEvent.LOAD_FAILED, a.versionId, a.modelDir,
                    e.getMessage() + "; " + still), deferred);
            return;
        }
        if (deferred == null) {
            flush(); // rows received before the announcement are scored by the model that was serving then
        }
        TfScorer old = scorer;
        ModelAnnouncement previous = serving;
        scorer = next;
        inputs = next.inputs();
        serving = new ModelAnnouncement(next.versionId(), a.modelDir, a.announcedAtMs);
        serving.checksum = a.checksum;
        servingState.put(SERVING_KEY, serving);
        servingMetrics.serving(serving.versionId);
        if (old != null) {
            old.close();
        }
        if (ModelEvent.SWAPPED.equals(kind)) {
            swaps.inc();
        }
        LOG.info("subtask {}: model {} from {} serves now (was {})", subtask, serving.versionId, a.modelDir,
                previous == null ? "none" : previous.versionId);
        emitEvent(new ModelEvent(0, subtask, kind, serving.versionId, a.modelDir,
                previous == null ? "no model was serving" : "replaces " + previous.versionId), deferred);
    }

    private void emitEvent(ModelEvent e, List<ModelEvent> deferred) {
        long now = Math.max(System.currentTimeMillis(), lastEventMs + 1); // (event_time, subtask, kind) stays unique
        lastEventMs = now;
        e.eventTimeMs = now;
        if (deferred != null) {
            deferred.add(e);
        } else {
            output.collect(MODEL_EVENTS, new StreamRecord<>(e, now));
        }
    }

    private void drainEvents() {
        if (!pendingEvents.isEmpty()) {
            for (ModelEvent e : pendingEvents) {
                output.collect(MODEL_EVENTS, new StreamRecord<>(e, e.eventTimeMs));
            }
            pendingEvents.clear();
        }
    }

    /** Scores the buffered rows in one call, emits them, and lets the held-back watermark go. */
    private void flush() {
        drainEvents();
        int n = rows.size();
        if (n > 0) {
            float[] s = scorer.score(vectors.toArray(new float[n][]));
            long now = System.currentTimeMillis();
            String version = scorer.versionId();
            String specId = scorer.spec().id();
            for (int i = 0; i < n; i++) {
                FeatureRow r = rows.get(i);
                Score sc = new Score();
                sc.feed = r.feed;
                sc.nativeSymbol = r.nativeSymbol;
                sc.symbol = r.symbol;
                sc.featureTimeMs = r.timeMs;
                sc.modelVersion = version;
                sc.specId = specId;
                sc.score = s[i];
                sc.scoredAtMs = now;
                output.collect(reuse.replace(sc, r.timeMs));
            }
            emitted.add(n);
            rows.clear();
            vectors.clear();
            oldestMs = Long.MAX_VALUE;
        }
        emitWatermark();
    }

    private void emitWatermark() {
        long wm = oldestMs == Long.MAX_VALUE ? inputWatermark : Math.min(inputWatermark, oldestMs - 1);
        if (wm > emittedWatermark) {
            emittedWatermark = wm;
            output.emitWatermark(new Watermark(wm));
        }
    }

    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        drainEvents();
        inputWatermark = Math.max(inputWatermark, mark.getTimestamp());
        if (!rows.isEmpty() && inputWatermark != Long.MIN_VALUE && inputWatermark - latencyBudgetMs >= oldestMs) {
            flush();
        } else {
            emitWatermark();
        }
    }

    /** Announcements have no event time: their watermarks never hold the scores back. */
    @Override
    public void processWatermark2(Watermark mark) {}

    @Override
    protected void processWatermarkStatus(WatermarkStatus status, int index) {
        if (index == 0) {
            output.emitWatermarkStatus(status);
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        flush();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void endInput(int inputId) {
        if (inputId == 1) {
            flush();
        }
    }

    @Override
    public void finish() throws Exception {
        flush();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        try {
            if (scorer != null) {
                scorer.close();
                scorer = null;
            }
        } finally {
            super.close();
        }
    }

    /** Version serving now (tests). */
    String servingVersion() {
        return serving == null ? null : serving.versionId;
    }

    /** A metric and an accumulator of the same count. */
    private final class Counters {
        final Counter metric;
        final LongCounter acc;

        Counters(String metricName, String accName) {
            metric = getMetricGroup().counter(metricName);
            acc = getRuntimeContext().getLongCounter(accName);
        }

        void inc() {
            add(1);
        }

        void add(long n) {
            metric.inc(n);
            acc.add(n);
        }
    }
}
