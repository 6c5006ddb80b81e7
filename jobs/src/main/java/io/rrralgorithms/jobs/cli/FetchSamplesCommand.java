package io.rrralgorithms.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rrr fetch-samples}: the public sample captures the README's commands read, downloaded from
 * their repositories at pinned commits (GitHub raw URLs), each checked against its sha256 and laid
 * out as {@code DIR/market/<feed folder>/<file>}. A file already there with the right checksum is
 * kept; a download whose checksum differs is refused (nothing written for it) with one line, and the
 * exit code is then {@link ExitCodes#INPUT}. Plain {@link HttpClient}: a handful of files needs no
 * download library.
 */
@Command(name = "fetch-samples", mixinStandardHelpOptions = true,
        description = {"Download the public sample captures the README uses (hftbacktest's Binance spot and "
                + "USD-M examples, MIT; cryptofeed's Kraken and OKX sample_data, XFree86-1.1) from their repositories "
                + "at pinned commits, check each file's sha256, and lay them out as the commands expect: "
                + "DIR/market/binance-spot/, DIR/market/binance-usdm/, DIR/market/cryptofeed/.",
                "Files already there with the right checksum are kept. A file whose download has another checksum "
                        + "is refused with one line (exit code " + ExitCodes.INPUT + ")."})
public class FetchSamplesCommand implements Callable<Integer> {
    /** Where the pinned files are: GitHub's raw file host; a mirror has the same layout. */
    static final String GITHUB_RAW = "https://raw.githubusercontent.com";

    /** One pinned file: where it goes under DIR, its repository, commit and path there, its checksum. */
    record Sample(String target, String repo, String commit, String path, String sha256) {
        String url(String base) {
            return base + "/" + repo + "/" + commit + "/" + path;
        }
    }

    static final String HFTBACKTEST = "nkaz001/hftbacktest";
    static final String CRYPTOFEED = "bmoscon/cryptofeed";

    /** The README's captures; the sha256 are those of the files the project's tests run on. */
    static final List<Sample> SAMPLES = List.of(
            new Sample("market/binance-spot/btcusdt_20240808.gz", HFTBACKTEST,
                    "f82fc11e6a55f47687b94e7f96cd61f51c0513b6", "examples/spot/btcusdt_20240808.gz",
                    "5d263f4c5379cfc27379ef0e22779aa33804463d1b69c292e9c0714e31f2e1b4"),
            new Sample("market/binance-spot/btcusdt_20240809.gz", HFTBACKTEST,
                    "f82fc11e6a55f47687b94e7f96cd61f51c0513b6", "examples/spot/btcusdt_20240809.gz",
                    "2981a27474b8903133cc66e25f4da561140dd061c942b84801b9d8c60e4b3599"),
            new Sample("market/binance-usdm/btcusdt_20240718.gz", HFTBACKTEST,
                    "593ec847cc239bed4d1b0871746f9801ab873ca9", "examples/usdm/btcusdt_20240718.gz",
                    "e4163718b819a93b858d1259bfeb53e170ee31e03738f88e172af74078cd45be"),
            new Sample("market/binance-usdm/btcusdt_20240719.gz", HFTBACKTEST,
                    "73bfa1728c130d24b491c4680055769f6fa3742b", "examples/usdm/btcusdt_20240719.gz",
                    "33bab357ff6e97be8134efd35d3489794807bedeb47f1a1f6cc81ece65d88b58"),
            new Sample("market/cryptofeed/KRAKEN.0", CRYPTOFEED,
                    "297cfafcd17657d72191f94c1a3ac10cbceff616", "sample_data/KRAKEN.0",
                    "a2b69700ec58d0cc412082576f0e2bc85339d05e60c27786072406ab1d0dddaf"),
            new Sample("market/cryptofeed/KRAKEN.ws.50.0", CRYPTOFEED,
                    "7f94f7e040dd739ec1661278ddb2d687c637e0b1", "sample_data/KRAKEN.ws.50.0",
                    "b7faccd1f457a11fd39de563500369a18b7c7e159e8725497a36ad66136907cb"),
            new Sample("market/cryptofeed/OKX.0", CRYPTOFEED,
                    "9ab9a4beb6ad8e2f9b3735ccd47e8a45fe2dd5aa", "sample_data/OKX.0",
                    "ce3fda8890fb4c17835ea72b7ae6e02a12c38167a182a31f2cef4335137e3914"),
            new Sample("market/cryptofeed/OKX.ws.1.0", CRYPTOFEED,
                    "3079107d8496f700eb1e6401bb420d5393262ad8", "sample_data/OKX.ws.1.0",
                    "a9b65fb84bda877ac799d3afe6e3630f0929751b31c6fa1bb4a55e0e6aceac91"));

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "../shared/data",
            description = "where to lay the files out (the README's commands read ../shared/data/market/...)")
    Path dir;

    @Option(names = "--mirror", paramLabel = "URL", defaultValue = GITHUB_RAW,
            description = "download from this host instead, with the same layout (OWNER/REPO/COMMIT/PATH)")
    String mirror;

    /** The files to fetch (tests give their own). */
    List<Sample> samples = SAMPLES;

    @Override
    public Integer call() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String base = mirror.endsWith("/") ? mirror.substring(0, mirror.length() - 1) : mirror;
        int refused = 0;
        long fetched = 0;
        for (Sample s : samples) {
            Path target = dir.resolve(s.target());
            if (Files.isRegularFile(target) && s.sha256().equals(sha256(target))) {
                System.out.println("have    " + s.target() + " (sha256 ok)");
                continue;
            }
            String error = fetch(http, s.url(base), target, s.sha256());
            if (error != null) {
                System.err.println("rrr fetch-samples: " + error);
                refused++;
            } else {
                fetched++;
                System.out.printf("fetched %s (%,d bytes, sha256 ok) from %s%n", s.target(), Files.size(target),
                        s.url(base));
            }
        }
        Path shown = dir.toAbsolutePath().normalize();
        if (refused > 0) {
            System.out.printf("%d of %d file(s) refused; the others are in %s%n", refused,
                    samples.size(), shown);
            return ExitCodes.INPUT;
        }
        System.out.printf("%d file(s) in %s (%d downloaded); try: ./rrr run %s%n", samples.size(), shown, fetched,
                shown.resolve("market/binance-spot") + "/*.gz");
        return ExitCodes.OK;
    }

    /** Downloads into a temporary file beside the target, moved there only with the right checksum; null when done. */
    static String fetch(HttpClient http, String url, Path target, String sha256) {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream body = new DigestInputStream(r.body(), md)) {
                if (r.statusCode() != 200) {
                    return url + ": HTTP " + r.statusCode() + " (nothing written for " + target.getFileName() + ")";
                }
                try (OutputStream out = Files.newOutputStream(part)) {
                    body.transferTo(out);
                }
            }
            String got = HexFormat.of().formatHex(md.digest());
            if (!got.equals(sha256)) {
                Files.deleteIfExists(part);
                return url + ": sha256 " + got + " is not the pinned " + sha256 + " (changed upstream, or the "
                        + "download was cut): refused, nothing written for " + target.getFileName();
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException e) {
            deleteQuietly(part);
            return url + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + " (no internet? give --mirror, or copy the files into " + target.getParent() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(part);
            return url + ": interrupted";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part is overwritten by the next try
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
