package io.rrralgorithms.connectors.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A refused element as JSON of its public fields, for the quarantine table. The rendering is the
 * same on every replay (sorted fields, no identity hashes), so its hash is the quarantine row's
 * natural key; byte arrays come out as base64, so a dead letter's bytes survive even there.
 */
final class RowRenderer {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .build();

    private RowRenderer() {}

    static String render(Object element) {
        if (element == null) {
            return "null";
        }
        try {
            String json = JSON.writeValueAsString(element);
            // no public fields (a record, a class with getters): its own toString says more
            return "{}".equals(json) ? JSON.writeValueAsString(String.valueOf(element)) : json;
        } catch (JsonProcessingException | RuntimeException e) {
            return String.valueOf(element);
        }
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
