package io.rrralgorithms.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading secrets (passwords, keys) from files given on the command line, never echoing them. */
final class Secrets {
    private Secrets() {}

    /** The file's text with one trailing newline (\n or \r\n) stripped; a usage error where unreadable or empty. */
    static String readFile(String option, Path file) {
        String s;
        try {
            s = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(ExitCodes.USAGE, "cannot read " + option + " " + file + " ("
                    + e.getClass().getSimpleName() + "): check the path and its permissions");
        }
        if (s.endsWith("\r\n")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("\n")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw UserError.usage(option + " " + file + " is empty");
        }
        return s;
    }
}
