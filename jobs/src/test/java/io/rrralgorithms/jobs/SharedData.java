package io.rrralgorithms.jobs;

import java.nio.file.Path;

/** The recorded exchange data, as the venue test fixture finds it ({@link io.rrralgorithms.connectors.testkit.SharedData}). */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        // qualified: the fixture's class has this class's name
        return io.rrralgorithms.connectors.testkit.SharedData.root();
    }

    public static Path market(String relative) {
        return root().resolve("market").resolve(relative);
    }
}
