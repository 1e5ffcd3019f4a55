package org.atalaya.survey;

import static org.atalaya.survey.SurveyFixture.item;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A municipal perception survey of La Chorrera, as the observatory would define it. */
final class LocalSurveys {
  private LocalSurveys() {}

  static Map<String, Object> perception(String code) {
    Map<String, Object> inseguro =
        new HashMap<>(
            item(
                "inseguro",
                "Se siente inseguro en su barrio de noche",
                "BINARY",
                1,
                "Sí",
                2,
                "No"));
    inseguro.put("missing", List.of("8", "9"));
    inseguro.put("labelEn", "Feels unsafe in their neighbourhood at night");
    Map<String, Object> confianza =
        new HashMap<>(
            item(
                "confianza",
                "Confianza en la policía",
                "LIKERT",
                1,
                "Ninguna",
                2,
                "Poca",
                3,
                "Algo",
                4,
                "Bastante",
                5,
                "Mucha"));
    confianza.put("missing", List.of("88", "99"));
    Map<String, Object> edad = new HashMap<>(item("edad", "Edad", "NUMERIC"));
    edad.put("missing", List.of("999"));
    Map<String, Object> delitos =
        item(
            "delitos",
            "Delitos sufridos en el último año",
            "SELECT_MULTIPLE",
            "robo",
            "Robo",
            "hurto",
            "Hurto",
            "agresion",
            "Agresión");
    return Map.of(
        "code", code,
        "name", "Encuesta de percepción de seguridad de La Chorrera",
        "universe", "Personas de 18 años o más residentes en el distrito",
        "periodStart", "2025-01-01",
        "periodEnd", "2025-12-31",
        "design",
            Map.of(
                "weights", List.of("peso"),
                "strata", "estrato",
                "psu", "upm",
                "sex",
                    Map.of(
                        "variable",
                        "sexo",
                        "codes",
                        Map.of("1", "M", "2", "F", "hombre", "M", "mujer", "F"),
                        "missing",
                        List.of("9")),
                "territory",
                    Map.of(
                        "variable",
                        "corregimiento",
                        "codes",
                        Map.of(
                            "1",
                            "LCH-01",
                            "2",
                            "LCH-02",
                            "3",
                            "LCH-03",
                            "barrio_balboa",
                            "LCH-01",
                            "barrio_colon",
                            "LCH-02",
                            "Barrio Colón",
                            "LCH-02",
                            "Barrio Balboa",
                            "LCH-01"))),
        "items", List.of(inseguro, confianza, edad, delitos));
  }
}
