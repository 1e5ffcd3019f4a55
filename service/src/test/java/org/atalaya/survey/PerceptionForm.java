package org.atalaya.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * La Chorrera's perception questionnaire as an analyst would write it in XLSForm (written here from
 * the XLSForm documentation): groups, a yes/no and a Likert question with "no sabe" codes, a
 * select-multiple, the design variables as calculations, and two questions Atalaya cannot estimate.
 * Its variables are those of {@code kobo-percepcion.csv}.
 */
final class PerceptionForm {
  private PerceptionForm() {}

  static final List<List<String>> SURVEY =
      List.of(
          List.of("type", "name", "label::Español (es)", "label::English (en)", "appearance"),
          List.of("start", "start"),
          List.of("end", "end"),
          List.of("begin_group", "datos_generales", "Datos generales", "General"),
          List.of("select_one sexo", "sexo", "Sexo", "Sex"),
          List.of("select_one corr", "corregimiento", "Barrio", "Neighbourhood"),
          List.of("integer", "edad", "Edad", "Age"),
          List.of("end_group"),
          List.of("begin group", "seguridad", "Seguridad"),
          List.of(
              "select_one sino",
              "inseguro",
              "¿Se siente inseguro en su barrio de noche?",
              "Feels unsafe in their neighbourhood at night"),
          List.of("select_one conf", "confianza", "Confianza en la policía", "", "likert"),
          List.of("end group"),
          List.of("begin group", "victimizacion", "Victimización"),
          List.of("select_multiple delitos", "delitos", "Delitos sufridos en el último año"),
          List.of("end group"),
          List.of("begin group", "diseno"),
          List.of("calculate", "peso"),
          List.of("calculate", "estrato"),
          List.of("calculate", "upm"),
          List.of("end group"),
          List.of("text", "comentario", "Comentario"),
          List.of("geopoint", "ubicacion", "Ubicación"));

  static final List<List<String>> CHOICES =
      List.of(
          List.of("list_name", "name", "label::Español (es)", "label::English (en)", "territorio"),
          List.of("sexo", "hombre", "Hombre", "Man"),
          List.of("sexo", "mujer", "Mujer", "Woman"),
          List.of("sexo", "9", "No responde", "No answer"),
          List.of("corr", "barrio_balboa", "Barrio Balboa", "", "LCH-01"),
          List.of("corr", "barrio_colon", "Barrio Colón", "", "LCH-02"),
          List.of("sino", "1", "Sí", "Yes"),
          List.of("sino", "2", "No", "No"),
          List.of("sino", "9", "No sabe / no responde", "Don't know"),
          List.of("conf", "1", "Ninguna"),
          List.of("conf", "2", "Poca"),
          List.of("conf", "3", "Algo"),
          List.of("conf", "4", "Bastante"),
          List.of("conf", "5", "Mucha"),
          List.of("conf", "88", "No sabe"),
          List.of("delitos", "robo", "Robo", "Robbery"),
          List.of("delitos", "hurto", "Hurto", "Theft"),
          List.of("delitos", "agresion", "Agresión", "Assault"));

  static byte[] xlsx() {
    try (var book = new XSSFWorkbook();
        var out = new ByteArrayOutputStream()) {
      sheet(book, "survey", SURVEY);
      sheet(book, "choices", CHOICES);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sheet(XSSFWorkbook book, String name, List<List<String>> rows) {
    var sheet = book.createSheet(name);
    for (int r = 0; r < rows.size(); r++) {
      var row = sheet.createRow(r);
      for (int c = 0; c < rows.get(r).size(); c++) {
        row.createCell(c).setCellValue(rows.get(r).get(c));
      }
    }
  }

  /** The query that names the design's variables, as an analyst fills it in. */
  static String design(String code) {
    return "?code="
        + code
        + "&name=Percepci%C3%B3n%20La%20Chorrera&weights=peso&strata=estrato&psu=upm"
        + "&sex=sexo&territory=corregimiento";
  }
}
