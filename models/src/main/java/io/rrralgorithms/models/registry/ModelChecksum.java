package io.rrralgorithms.models.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checksum of a model directory: SHA-256 over every file under it (the SavedModel's graph and
 * variables, {@code rrr-model.json}), in the order of their relative paths, each as its path, its
 * length and its bytes; written {@code sha256:<hex>}. Recorded in the registry at registration and
 * checked by every task before it loads an announced model, so files changed after registration
 * are never loaded. A symbolic link inside the directory is refused: it could point anywhere.
 */
public final class ModelChecksum {
    public static final String PREFIX = "sha256:";

    private ModelChecksum() {}

    public static String of(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    throw new IOException("symbolic link in the model directory: " + dir.relativize(p));
                }
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(p);
                }
            }
        }
        files.sort((a, b) -> relative(dir, a).compareTo(relative(dir, b)));
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            md.update(relative(dir, f).getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.US_ASCII));
            md.update((byte) 0);
            try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
        }
        return PREFIX + HexFormat.of().formatHex(md.digest());
    }

    private static String relative(Path dir, Path f) {
        return dir.relativize(f).toString().replace('\\', '/');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
