package bullion.engine.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A golden file: its manifest on the first line, the stored payload after it. */
record GoldenFiles(String manifest, String payload) {

    static GoldenFiles read(String path) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/" + path)) {
            assertThat(in).as("golden file " + path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return new GoldenFiles(text.substring(0, newline), text.substring(newline + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
