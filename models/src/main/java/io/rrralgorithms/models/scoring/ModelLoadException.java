package io.rrralgorithms.models.scoring;

/** A model that cannot serve: missing or corrupt files, or trained on another feature spec. */
public class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
