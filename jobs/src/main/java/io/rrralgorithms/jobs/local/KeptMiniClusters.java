package io.rrralgorithms.jobs.local;

import java.util.concurrent.CompletableFuture;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * The local cluster of {@code rrr run --keep-ui}: Flink's per-job cluster closes itself when the job
 * ends (and its web UI with it); this one defers the close until {@link #release()}, so that the
 * finished job's web UI can still be looked at. Ctrl-C: Flink's own shutdown hooks stop it.
 */
final class KeptMiniClusters {
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    MiniCluster create(MiniClusterConfiguration config) {
        return new MiniCluster(config) {
            @Override
            public CompletableFuture<Void> closeAsync() {
                return released.thenCompose(v -> super.closeAsync());
            }
        };
    }

    void release() {
        released.complete(null);
    }
}
