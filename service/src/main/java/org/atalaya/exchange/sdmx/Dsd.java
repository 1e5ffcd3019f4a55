package org.atalaya.exchange.sdmx;

import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Frequency;

/**
 * The data structure definition of Atalaya's open data (SDMX 3.0): dimensions INDICATOR, REF_AREA,
 * SEX, AGE and TIME_PERIOD; measure OBS_VALUE; attributes OBS_STATUS, CONF_STATUS, UNIT_MEASURE,
 * LOWER_BOUND and UPPER_BOUND. The codes of SEX, AGE, OBS_STATUS and CONF_STATUS are SDMX's
 * cross-domain ones; INDICATOR and REF_AREA are the observatory's own, published beside the data.
 */
public final class Dsd {
  public static final String AGENCY = "ATALAYA";
  public static final String ID = "DSD_SEGURIDAD_CIUDADANA";
  public static final String VERSION = "1.0.0";
  public static final String ALL_AGES = "_T";

  static final List<String> DIMENSIONS =
      List.of("INDICATOR", "REF_AREA", "SEX", "AGE", "TIME_PERIOD");
  static final String MEASURE = "OBS_VALUE";
  static final List<String> ATTRIBUTES =
      List.of("OBS_STATUS", "CONF_STATUS", "UNIT_MEASURE", "LOWER_BOUND", "UPPER_BOUND");

  /** SDMX-CSV 2.0 and SDMX-JSON 2.0 media types (SDMX REST API, content negotiation). */
  public static final String CSV_MEDIA_TYPE = "application/vnd.sdmx.data+csv;version=2.0.0";

  public static final String JSON_MEDIA_TYPE = "application/vnd.sdmx.data+json;version=2.0.0";
  public static final String STRUCTURE_MEDIA_TYPE =
      "application/vnd.sdmx.structure+json;version=2.0.0";

  private Dsd() {}

  /** AGENCY:ID(VERSION), as SDMX-CSV's STRUCTURE_ID column writes it. */
  public static String structureId() {
    return AGENCY + ":" + ID + "(" + VERSION + ")";
  }

  static String urn() {
    return "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=" + structureId();
  }

  /**
   * The code a territory has in REF_AREA. Today the observatory's own code (LCH-03); when the
   * territories carry INEC's official codes, this is the one place to switch.
   */
  public static String refArea(String territoryCode) {
    return territoryCode;
  }

  /** SDMX's time period: 2025, 2025-Q1, 2025-03. */
  public static String timePeriod(Frequency frequency, LocalDate start) {
    return timePeriod(frequency.label(start));
  }

  /** Our period labels write quarters 2025-T1 (Spanish trimestre); SDMX writes 2025-Q1. */
  public static String timePeriod(String label) {
    return label.replace("-T", "-Q");
  }
}
