package org.atalaya.survey;

import java.nio.file.Path;
import java.util.List;
import org.atalaya.measurement.RowSource;
import org.atalaya.measurement.XlsxRowSource;

/**
 * Which sheet of a workbook holds the microdata: the one asked for by name, or else the first whose
 * header has every design column the mapping needs (exports often put a cover or the codebook on
 * the first sheet). When none has, the first sheet is read and its errors say which it was.
 */
final class SheetChoice {
  private SheetChoice() {}

  private static final class Stop extends RuntimeException {
    final List<String> header;

    Stop(List<String> header) {
      super(null, null, false, false);
      this.header = header;
    }
  }

  static XlsxRowSource open(
      String fileName, Path file, String sheet, SurveyDoc survey, MappingDoc mapping) {
    var first = new XlsxRowSource(fileName, file, sheet);
    if (sheet != null && !sheet.isBlank() || first.sheetNames().size() < 2) {
      return first;
    }
    for (String name : first.sheetNames()) {
      var candidate = new XlsxRowSource(fileName, file, name);
      List<String> header = header(candidate);
      if (header == null) {
        continue;
      }
      int[] errors = {0};
      ColumnPlan.resolve(header, survey, mapping, e -> errors[0]++, w -> {});
      if (errors[0] == 0) {
        return candidate;
      }
    }
    return first;
  }

  private static List<String> header(XlsxRowSource source) {
    try {
      source.read(
          new RowSource.RowConsumer() {
            @Override
            public void header(List<String> cells) {
              throw new Stop(cells);
            }

            @Override
            public void row(long number, List<String> cells) {}
          });
      return null;
    } catch (Stop stop) {
      return stop.header;
    } catch (RuntimeException emptyOrBroken) {
      return null;
    }
  }
}
