package org.atalaya.exchange.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The SDMX technical working group's own JSON schemas (github.com/sdmx-twg/sdmx-json, tag v2.0.0,
 * {@code data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json} and {@code
 * structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json}). The repository states no
 * licence, so they are not copied here: the test reads them from the directory named by the system
 * property or environment variable {@code SDMX_JSON_SCHEMAS}, or else from a clone of sdmx-json at
 * {@code /work/.mirror/sdmx-twg+sdmx-json/repo} (read with {@code git show v2.0.0:…}); without
 * either, the schema checks are skipped and say why.
 */
final class SdmxSchemas {
  static final String DATA = "data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";
  static final String STRUCTURE =
      "structure-message/tools/schemas/2.0.0/sdmx-json-structure-schema.json";
  private static final Path MIRROR = Path.of("/work/.mirror/sdmx-twg+sdmx-json/repo");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SdmxSchemas() {}

  /** The schema's errors for this message; none when it is valid. */
  static List<Error> validate(String schemaPath, byte[] message) throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(schemaText(schemaPath));
    // "http://json-schema.org/schema#" names no draft, and the draft-4 "id" is no draft-7 keyword;
    // the schemas are written in draft 7's terms otherwise.
    schema.remove("$schema");
    schema.remove("id");
    Schema s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    JsonNode doc = JSON.readTree(message);
    return s.validate(doc);
  }

  private static String schemaText(String path) throws IOException {
    String dir = System.getProperty("SDMX_JSON_SCHEMAS", System.getenv("SDMX_JSON_SCHEMAS"));
    if (dir != null) {
      Path file = Path.of(dir).resolve(Path.of(path).getFileName());
      return Files.readString(file);
    }
    Assumptions.assumeTrue(
        Files.isDirectory(MIRROR),
        "SDMX-JSON schemas not found: set SDMX_JSON_SCHEMAS or clone sdmx-twg/sdmx-json");
    try {
      Process git =
          new ProcessBuilder("git", "--git-dir", MIRROR.toString(), "show", "v2.0.0:" + path)
              .redirectErrorStream(true)
              .start();
      String text = new String(git.getInputStream().readAllBytes());
      assertThat(git.waitFor()).as(text).isZero();
      return text;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
