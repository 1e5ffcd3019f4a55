package org.atalaya.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.atalaya.shared.ApiException;

/**
 * Reads and writes plan documents as YAML or JSON. Writing is deterministic (fixed key order, no
 * timestamps), so export → import → export gives the same bytes. Reading is strict: an unknown key,
 * a wrong type or a syntax error is refused with its line, column and path; so is a key given twice
 * in one object (which one was meant?) and a text longer than {@value #MAX_TEXT} characters.
 */
public final class PlanDocuments {
  public enum Format {
    YAML("application/yaml", "yml"),
    JSON("application/json", "json");

    public final String mediaType;
    public final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }

    public static Format fromMediaType(String contentType) {
      String type = contentType == null ? "" : contentType.toLowerCase();
      return type.contains("yaml") ? YAML : JSON;
    }
  }

  private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML =
      configure(
          new YAMLMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build()));

  /** The longest text a plan document may hold in one field (a description, a problem…). */
  public static final int MAX_TEXT = 10_000;

  private static final java.util.regex.Pattern DUPLICATE =
      java.util.regex.Pattern.compile("Duplicate field '(.*)'");

  private PlanDocuments() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.registerModule(new JavaTimeModule());
    mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    return mapper;
  }

  public static String write(PlanDocument doc, Format format) {
    try {
      String text = (format == Format.YAML ? YAML : JSON).writeValueAsString(doc);
      return text.endsWith("\n") ? text : text + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PlanDocument read(byte[] content, Format format) {
    precheck(content, format == Format.YAML ? YAML : JSON);
    try {
      PlanDocument doc =
          (format == Format.YAML ? YAML : JSON).readValue(content, PlanDocument.class);
      if (doc == null) {
        throw ApiException.invalid("body", "NotNull");
      }
      return doc;
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.invalid(path(e, e.getPropertyName()), "unknownField");
    } catch (InvalidFormatException e) {
      throw ApiException.invalid(path(e, null), "valueAt", line(e), column(e), e.getValue());
    } catch (JsonMappingException e) {
      // Wrong shape (a list where an object goes, an empty item): say where, not Jackson's words.
      throw ApiException.invalid(path(e, null), "shapeAt", line(e), column(e));
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("body", "yaml", line(e), column(e), shortMessage(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keys given twice and overlong texts, found on the tree before any binding. */
  private static void precheck(byte[] content, ObjectMapper mapper) {
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree =
          mapper
              .reader()
              .with(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .readTree(content);
    } catch (JsonProcessingException e) {
      var duplicate = DUPLICATE.matcher(e.getOriginalMessage());
      if (duplicate.find()) {
        throw ApiException.invalid("body", "repeatedKey", line(e), column(e), duplicate.group(1));
      }
      return; // the binding below reports it with its path
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var errors = new java.util.ArrayList<ApiException.FieldError>();
    longTexts(tree, "", errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  private static void longTexts(
      com.fasterxml.jackson.databind.JsonNode node,
      String path,
      java.util.List<ApiException.FieldError> errors) {
    if (node == null || errors.size() >= 20) {
      return;
    }
    if (node.isTextual() && node.textValue().length() > MAX_TEXT) {
      errors.add(
          new ApiException.FieldError(
              path.isEmpty() ? "body" : path, "textTooLong", MAX_TEXT, node.textValue().length()));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        longTexts(node.get(i), path + "[" + i + "]", errors);
      }
    } else if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var f = fields.next();
        longTexts(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), errors);
      }
    }
  }

  public static PlanDocument read(String content, Format format) {
    return read(content.getBytes(StandardCharsets.UTF_8), format);
  }

  /** "axes[0].actionCards[2].title" from Jackson's reference chain. */
  private static String path(JsonMappingException e, String leaf) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    if (path.isEmpty() && leaf != null) {
      path.append(leaf);
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static int line(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null ? 0 : l.getLineNr();
  }

  private static int column(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null ? 0 : l.getColumnNr();
  }

  private static String shortMessage(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    int cut = m.indexOf('\n');
    return cut < 0 ? m : m.substring(0, cut);
  }
}
