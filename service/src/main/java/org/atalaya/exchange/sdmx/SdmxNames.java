package org.atalaya.exchange.sdmx;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the codes a message uses, in Spanish: the observatory's indicators and areas (from
 * its catalogue), and SDMX's cross-domain codes for sex, age and the two statuses.
 *
 * @param title the data set's name, e.g. the plan's
 */
public record SdmxNames(String title, Map<String, String> indicators, Map<String, String> areas) {
  static final Map<String, String> SEX =
      ordered("F", "Mujeres", "M", "Hombres", "_U", "Sexo no consta", "_T", "Total");
  static final Map<String, String> AGE = ordered(Dsd.ALL_AGES, "Todas las edades");
  static final Map<String, String> OBS_STATUS =
      ordered(
          SdmxObservation.NORMAL, "Valor normal",
          SdmxObservation.PROVISIONAL, "Valor provisional",
          SdmxObservation.ESTIMATED, "Valor estimado",
          SdmxObservation.MISSING, "Valor faltante (suprimido)");
  static final Map<String, String> CONF_STATUS =
      ordered(SdmxObservation.FREE, "Libre", SdmxObservation.CONFIDENTIAL, "Confidencial");
  static final Map<String, String> COMPONENTS =
      ordered(
          "INDICATOR", "Indicador",
          "REF_AREA", "Área de referencia",
          "SEX", "Sexo",
          "AGE", "Edad",
          "TIME_PERIOD", "Periodo",
          "OBS_VALUE", "Valor",
          "OBS_STATUS", "Estado de la observación",
          "CONF_STATUS", "Confidencialidad",
          "UNIT_MEASURE", "Unidad de medida",
          "LOWER_BOUND", "Límite inferior (IC 95 %)",
          "UPPER_BOUND", "Límite superior (IC 95 %)");

  public SdmxNames {
    indicators = Map.copyOf(indicators);
    areas = Map.copyOf(areas);
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  String indicator(String code) {
    return indicators.getOrDefault(code, code);
  }

  public String area(String code) {
    return areas.getOrDefault(code, code);
  }
}
