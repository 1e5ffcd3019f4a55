package org.atalaya.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.CsvRowSource;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.survey.estimate.EstimateKind;

/**
 * For the demonstration: an illustrative perception survey of La Chorrera with two published waves
 * of synthetic microdata (one stratum per corregimiento, 720 interviews a wave), loaded through the
 * real upload. Six large corregimientos have a boosted sample (ten PSUs of eight interviews: enough
 * to publish their own estimate, some of them with a low-reliability warning); the other twelve
 * have four PSUs of five, too few, so their estimates are withheld — a map by corregimiento shows
 * both. The figures are invented and the survey says so in its name. The plan's perception
 * indicator, when the demo has it, is fed by the survey's question through the ordinary publication
 * of each wave, so the survey page and the indicator give the same figures, universe and intervals.
 */
@Singleton
public class DemoSurvey {
  static final String CODE = "LCH-PERCEPCION";
  static final String INDICATOR = "PERCEPCION-INSEG";
  static final String UNIVERSE = "Personas de 18 años o más residentes en el distrito";
  private static final String DEMO_USER = "demo";

  /** Corregimientos (by number) with the boosted sample. */
  private static final java.util.Set<Integer> BOOSTED = java.util.Set.of(2, 6, 8, 9, 16, 17);

  private final SurveyService surveys;
  private final MicrodataImport imports;
  private final SurveyStore store;
  private final IndicatorFeed feed;
  private final IndicatorService indicators;

  DemoSurvey(
      SurveyService surveys,
      MicrodataImport imports,
      SurveyStore store,
      IndicatorFeed feed,
      IndicatorService indicators) {
    this.surveys = surveys;
    this.imports = imports;
    this.store = store;
    this.feed = feed;
    this.indicators = indicators;
  }

  /** Idempotent: a survey already there is left as it is. */
  public void load() throws IOException, SQLException {
    // Each wave's publication in its own transaction: it writes the indicator's measurements.
    for (String wave : loadWaves()) {
      try {
        feed.publish(CODE, wave, DEMO_USER);
      } catch (ApiException e) {
        var refused = e.fieldErrors().stream().map(f -> List.of(f.args())).toList();
        throw new IllegalStateException("demo survey could not feed " + INDICATOR + ": " + refused);
      }
    }
  }

  /** The survey and its waves; returns the waves still to publish through the indicator feed. */
  @Transactional
  List<String> loadWaves() throws IOException, SQLException {
    if (surveys.list().stream().anyMatch(s -> s.code().equals(CODE))) {
      return List.of();
    }
    List<String> toFeed = new java.util.ArrayList<>();
    var binary =
        List.of(
            new SurveyDoc.ValueLabel("1", "Sí", "Yes"), new SurveyDoc.ValueLabel("2", "No", "No"));
    Map<String, String> places = new HashMap<>();
    for (int c = 1; c <= 18; c++) {
      places.put(Integer.toString(c), String.format("LCH-%02d", c));
    }
    var doc =
        new SurveyDoc(
            CODE,
            "Encuesta de percepción de seguridad de La Chorrera (datos ilustrativos)",
            UNIVERSE,
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31),
            new SurveyDoc.Design(
                List.of("peso"),
                "estrato",
                "upm",
                new SurveyDoc.Coded("sexo", Map.of("1", "M", "2", "F"), List.of()),
                new SurveyDoc.Coded("corregimiento", places, List.of()),
                null),
            List.of(
                new SurveyDoc.Item(
                    "inseguro",
                    "Se siente inseguro(a) al caminar de noche por su barrio",
                    "Feels unsafe walking in their neighbourhood at night",
                    ItemType.BINARY,
                    binary,
                    List.of("8", "9"),
                    null),
                new SurveyDoc.Item(
                    "denuncio",
                    "Denunció el último delito sufrido",
                    "Reported the last crime suffered",
                    ItemType.BINARY,
                    binary,
                    List.of("8", "9"),
                    null)));
    surveys.save(null, doc);
    boolean fed = indicators.list(null).stream().anyMatch(i -> i.code().equals(INDICATOR));
    if (fed) {
      feed.bind(
          CODE,
          new IndicatorBinding(INDICATOR, "inseguro", EstimateKind.PROPORTION, "1", null, null));
    }
    for (int year : new int[] {2024, 2025}) {
      String wave = Integer.toString(year);
      surveys.saveWave(
          CODE,
          null,
          new WaveDoc(
              wave,
              "Ronda " + year,
              LocalDate.of(year, 6, 1),
              LocalDate.of(year, 7, 31),
              null,
              null));
      var survey = surveys.require(CODE);
      var w = surveys.wave(survey, wave);
      byte[] csv = microdata(year).getBytes(StandardCharsets.UTF_8);
      var report =
          imports.load(
              survey,
              w,
              MappingDoc.identity(),
              new MicrodataImport.Upload("demo-" + wave + ".csv", null, "UTF-8", false),
              new CsvRowSource("demo-" + wave + ".csv", new ByteArrayInputStream(csv)),
              Messages.DEFAULT);
      if (!report.committed()) {
        throw new IllegalStateException("demo survey refused: " + report.errors());
      }
      if (fed) {
        // The demo's committee has validated both waves; publishing feeds the indicator.
        store.validatedByDemo(w.id(), DEMO_USER);
        toFeed.add(wave);
      } else {
        surveys.publish(surveys.wave(survey, wave), true);
      }
    }
    return toFeed;
  }

  /** Women feel less safe than men, more so in the first corregimientos; 2025 a little better. */
  private static String microdata(int year) {
    var random = new Random(year);
    var out = new StringBuilder("peso,estrato,upm,sexo,corregimiento,inseguro,denuncio\n");
    for (int c = 1; c <= 18; c++) {
      boolean boosted = BOOSTED.contains(c);
      for (int u = 1; u <= (boosted ? 10 : 4); u++) {
        for (int k = 0; k < (boosted ? 8 : 5); k++) {
          boolean woman = random.nextBoolean();
          double unsafe = 0.35 + (woman ? 0.15 : 0) + (18 - c) * 0.01 - (year - 2024) * 0.04;
          out.append(80 + random.nextInt(60))
              .append(',')
              .append(c)
              .append(',')
              .append(c)
              .append('-')
              .append(u)
              .append(',')
              .append(woman ? 2 : 1)
              .append(',')
              .append(c)
              .append(',')
              .append(random.nextDouble() < unsafe ? 1 : 2)
              .append(',')
              .append(random.nextDouble() < 0.05 ? "9" : random.nextDouble() < 0.3 ? "1" : "2")
              .append('\n');
        }
      }
    }
    return out.toString();
  }
}
