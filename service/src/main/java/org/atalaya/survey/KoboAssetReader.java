package org.atalaya.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.shared.ApiException;

/**
 * Reads a KoboToolbox asset as its API v2 gives it ({@code /api/v2/assets/{uid}/?format=json}):
 * {@code content.survey} and {@code content.choices}, labels as one text or as a list in the order
 * of {@code content.translations}; a select's list in {@code select_from_list_name} or in the type.
 */
final class KoboAssetReader {
  private KoboAssetReader() {}

  static FormQuestions read(String file, InputStream in) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw ApiException.invalid(file, "xlsform.notJson");
    }
    JsonNode content = root == null ? null : root.path("content");
    if (content == null || !content.path("survey").isArray()) {
      throw ApiException.invalid(file, "xlsform.noSurveySheet");
    }
    List<String> translations = new ArrayList<>();
    content.path("translations").forEach(t -> translations.add(t.isNull() ? null : t.asText()));
    int es = FormQuestions.language(translations, false);
    int en = FormQuestions.language(translations, true);
    List<FormQuestions.Question> questions = new ArrayList<>();
    for (JsonNode q : content.path("survey")) {
      String type = q.path("type").asText("");
      String list = q.path("select_from_list_name").asText("");
      questions.add(
          new FormQuestions.Question(
              type,
              list.isEmpty() ? FormQuestions.listOf(type) : list,
              name(q, "$autoname"),
              label(q.path("label"), es),
              en >= 0 && en != es ? label(q.path("label"), en) : "",
              q.path("appearance").asText("")));
    }
    List<FormQuestions.Choice> choices = new ArrayList<>();
    for (JsonNode c : content.path("choices")) {
      choices.add(
          new FormQuestions.Choice(
              c.path("list_name").asText(""),
              name(c, "$autovalue"),
              label(c.path("label"), es),
              en >= 0 && en != es ? label(c.path("label"), en) : "",
              c.path("territorio").asText(c.path("territory").asText(""))));
    }
    return new FormQuestions(questions, choices);
  }

  private static String name(JsonNode node, String auto) {
    String name = node.path("name").asText("");
    return name.isEmpty() ? node.path(auto).asText("") : name;
  }

  private static String label(JsonNode label, int index) {
    if (label.isArray()) {
      JsonNode chosen = label.path(Math.max(index, 0));
      return chosen.isNull() || chosen.isMissingNode() ? "" : chosen.asText("");
    }
    return label.isTextual() ? label.asText() : "";
  }
}
