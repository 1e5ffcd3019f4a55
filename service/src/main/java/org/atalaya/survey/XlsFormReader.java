package org.atalaya.survey;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.atalaya.shared.ApiException;

/**
 * Reads an XLSForm workbook (XLSX or the older XLS): its {@code survey} sheet (type, name, label
 * columns such as {@code label::Español (es)}, appearance) and its {@code choices} sheet ({@code
 * list_name} or {@code list name}, name, labels, and an optional {@code territorio} column giving a
 * choice's Atalaya territory code).
 */
final class XlsFormReader {
  private XlsFormReader() {}

  static FormQuestions read(String file, InputStream in) throws IOException {
    Workbook book;
    try {
      book = WorkbookFactory.create(in);
    } catch (IOException | RuntimeException notAWorkbook) {
      throw ApiException.invalid(file, "xlsform.notWorkbook");
    }
    try (book) {
      Sheet survey = sheet(book, "survey");
      if (survey == null) {
        throw ApiException.invalid(file, "xlsform.noSurveySheet");
      }
      Sheet choices = sheet(book, "choices");
      List<FormQuestions.Question> questions = new ArrayList<>();
      var rows = rows(survey);
      if (!rows.isEmpty()) {
        Map<String, Integer> h = header(rows.get(0));
        if (!h.containsKey("type") || !h.containsKey("name")) {
          throw ApiException.invalid(file, "xlsform.surveyColumns");
        }
        Labels labels = Labels.of(rows.get(0));
        for (List<String> r : rows.subList(1, rows.size())) {
          String type = cell(r, h.get("type"));
          if (type.isEmpty()) {
            continue;
          }
          questions.add(
              new FormQuestions.Question(
                  type,
                  FormQuestions.listOf(type),
                  cell(r, h.get("name")),
                  labels.spanish(r),
                  labels.english(r),
                  cell(r, h.get("appearance"))));
        }
      }
      List<FormQuestions.Choice> options = new ArrayList<>();
      var choiceRows = choices == null ? List.<List<String>>of() : rows(choices);
      if (!choiceRows.isEmpty()) {
        Map<String, Integer> h = header(choiceRows.get(0));
        Integer list = h.containsKey("list_name") ? h.get("list_name") : h.get("list name");
        Integer territory = h.containsKey("territorio") ? h.get("territorio") : h.get("territory");
        Labels labels = Labels.of(choiceRows.get(0));
        for (List<String> r : choiceRows.subList(1, choiceRows.size())) {
          String name = cell(r, h.get("name"));
          if (list == null || name.isEmpty()) {
            continue;
          }
          options.add(
              new FormQuestions.Choice(
                  cell(r, list), name, labels.spanish(r), labels.english(r), cell(r, territory)));
        }
      }
      return new FormQuestions(questions, options);
    }
  }

  private static Sheet sheet(Workbook book, String name) {
    for (Sheet s : book) {
      if (s.getSheetName().strip().equalsIgnoreCase(name)) {
        return s;
      }
    }
    return null;
  }

  private static List<List<String>> rows(Sheet sheet) {
    DataFormatter format = new DataFormatter(Locale.ROOT);
    List<List<String>> out = new ArrayList<>();
    for (Row row : sheet) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
        var cell = row.getCell(c);
        cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
      }
      if (out.isEmpty() && cells.stream().allMatch(String::isEmpty)) {
        continue;
      }
      out.add(cells);
    }
    return out;
  }

  private static Map<String, Integer> header(List<String> row) {
    Map<String, Integer> h = new HashMap<>();
    for (int i = 0; i < row.size(); i++) {
      h.putIfAbsent(row.get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    return h;
  }

  static String cell(List<String> row, Integer column) {
    return column == null || column >= row.size() ? "" : row.get(column);
  }

  /** The label columns: "label", "label::Español (es)", "label:English"… */
  private record Labels(int spanish, int english, int plain) {
    static Labels of(List<String> header) {
      List<Integer> columns = new ArrayList<>();
      List<String> languages = new ArrayList<>();
      int plain = -1;
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).strip().toLowerCase(Locale.ROOT);
        if (h.equals("label")) {
          plain = i;
        } else if (h.startsWith("label:")) {
          columns.add(i);
          languages.add(h.replaceFirst("^label:+", ""));
        }
      }
      int es = FormQuestions.language(languages, false);
      int en = FormQuestions.language(languages, true);
      int first = plain >= 0 ? plain : columns.isEmpty() ? -1 : columns.get(0);
      return new Labels(es >= 0 ? columns.get(es) : first, en >= 0 ? columns.get(en) : -1, first);
    }

    String spanish(List<String> row) {
      String s = cell(row, spanish < 0 ? null : spanish);
      return s.isEmpty() ? cell(row, plain < 0 ? null : plain) : s;
    }

    String english(List<String> row) {
      return english < 0 || english == spanish ? "" : cell(row, english);
    }
  }
}
