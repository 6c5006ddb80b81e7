package io.rrralgorithms.jobs.scoring;

/** What happened to the model of one scoring subtask ({@code model_events}). */
public class ModelEvent {
    /** The initial model (--model-dir, or the one restored from a checkpoint) was loaded in open(). */
    public static final String LOADED = "loaded";
    /** An announced version was loaded and serves from now on. */
    public static final String SWAPPED = "swapped";
    /** A model could not be loaded; the previous one (if any) keeps serving. */
    public static final String LOAD_FAILED = "load_failed";
    /** An announcement was refused before loading (not registered, outside the models root, checksum); the old model keeps serving. */
    public static final String REFUSED = "refused";

    /** Processing time, ms since epoch; strictly increasing per subtask. */
    public long eventTimeMs;
    public int subtask;
    public String kind;
    public String modelVersion;
    public String path;
    public String detail;

    public ModelEvent() {}

    public ModelEvent(long eventTimeMs, int subtask, String kind, String modelVersion, String path, String detail) {
        this.eventTimeMs = eventTimeMs;
        this.subtask = subtask;
        this.kind = kind;
        this.modelVersion = modelVersion;
        this.path = path;
        this.detail = detail;
    }

    @Override
    public String toString() {
        return "ModelEvent{" + subtask + " " + kind + " " + modelVersion + " " + path + (detail == null ? "" : ": " + detail)
                + "}";
    }
}
