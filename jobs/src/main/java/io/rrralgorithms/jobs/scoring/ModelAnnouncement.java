package io.rrralgorithms.jobs.scoring;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * "Serve this model version from now on": a message of the control topic (JSON), broadcast to
 * every scoring subtask. {@code modelDir} must be readable by every task manager.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class ModelAnnouncement {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String versionId;
    /** Model directory ({@code saved_model/} + {@code rrr-model.json}). */
    public String modelDir;
    /** When it was announced, ms since epoch (processing time of the announcer). */
    public long announcedAtMs;
    /**
     * The checksum the files were verified with when admitted (kept in broadcast state, so a restore
     * checks the files again); never read from or written to the topic: the registry's is the one.
     */
    @JsonIgnore
    public String checksum;

    public ModelAnnouncement() {}

    public ModelAnnouncement(String versionId, String modelDir, long announcedAtMs) {
        this.versionId = versionId;
        this.modelDir = modelDir;
        this.announcedAtMs = announcedAtMs;
    }

    /** Parses a control message; refuses one without a model directory. */
    public static ModelAnnouncement fromJson(byte[] json) throws IOException {
        ModelAnnouncement a = JSON.readValue(json, ModelAnnouncement.class);
        if (a == null || a.modelDir == null || a.modelDir.isBlank()) {
            throw new IOException("announcement without modelDir");
        }
        return a;
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same version from the same directory: announcing it again changes nothing. */
    public boolean sameModel(ModelAnnouncement o) {
        return o != null && Objects.equals(versionId, o.versionId) && Objects.equals(modelDir, o.modelDir);
    }

    @Override
    public String toString() {
        return "ModelAnnouncement{" + versionId + " at " + modelDir + ", announced " + announcedAtMs + "}";
    }
}
