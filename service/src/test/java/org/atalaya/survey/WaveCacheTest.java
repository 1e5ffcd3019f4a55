package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.atalaya.shared.DataVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A wave is read from the database once per data version and shared: two readers asking at once
 * wait for one read, a new upload is seen on the very next read, and waves beyond the memory budget
 * are dropped least recently used first.
 */
@MicronautTest(environments = "test")
class WaveCacheTest extends SurveyFixture {
  @Inject WaveCache waves;
  @Inject DataSource dataSource;
  @Inject DataVersion versions;

  String code;

  @BeforeEach
  void survey() {
    code = "CACHE-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2025", "2025-06-01", "2025-06-30");
    uploaded("2025", 0.3);
  }

  private void uploaded(String wave, double unsafe) {
    var reply =
        upload(
            code,
            wave,
            SyntheticWave.csv(11, unsafe).getBytes(StandardCharsets.UTF_8),
            "percepcion.csv",
            "");
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
  }

  private double total() {
    var table = estimates(code, "2025", "item=inseguro&value=1", analyst);
    return ((Number) cell(table).get("estimate")).doubleValue();
  }

  @Test
  void aNewUploadIsSeenOnTheNextRead() {
    double before = total();
    assertThat(total()).as("read again, the same").isEqualTo(before);

    uploaded("2025", 0.8);

    assertThat(before).isCloseTo(0.3, within(0.1));
    assertThat(total()).as("the new file's share, at once").isCloseTo(0.8, within(0.1));
  }

  @Test
  void twoReadersAtOnceShareOneReadAndLaterOnesReadNothing() throws Exception {
    long before = waves.reads();
    var a =
        CompletableFuture.supplyAsync(
            () -> estimates(code, "2025", "item=inseguro&value=1&by=territory", analyst));
    var b =
        CompletableFuture.supplyAsync(
            () -> estimates(code, "2025", "item=inseguro&value=1&by=territory", analyst));
    assertThat(cells(a.get())).isEqualTo(cells(b.get()));
    long read = waves.reads() - before;

    estimates(code, "2025", "item=inseguro&value=1&by=sex", analyst);

    assertThat(read).as("the design columns, the weight and the item, once").isEqualTo(3);
    assertThat(waves.reads() - before).as("nothing more for another question").isEqualTo(3);
  }

  @Test
  void beyondTheBudgetTheLeastRecentlyUsedWaveIsDropped() throws Exception {
    wave(code, "2026", "2026-06-01", "2026-06-30");
    uploaded("2026", 0.5);
    DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
    long first = waveId("2025");
    long second = waveId("2026");
    var measure = new WaveCache(raw, versions, Long.MAX_VALUE, true);
    measure.data(first, 0, List.of("inseguro"));
    long oneWave = measure.bytes();
    assertThat(oneWave).as("288 respondents' columns").isBetween(288L * 20, 288L * 200);

    var small = new WaveCache(raw, versions, oneWave * 3 / 2, true);
    small.data(first, 0, List.of("inseguro"));
    small.data(second, 0, List.of("inseguro"));
    assertThat(small.holds(first)).as("the older one made room").isFalse();
    assertThat(small.holds(second)).isTrue();
    long reads = small.reads();
    small.data(first, 0, List.of("inseguro"));
    assertThat(small.reads()).as("read again when asked again").isEqualTo(reads + 3);

    var tiny = new WaveCache(raw, versions, oneWave / 2, true);
    var data = tiny.data(first, 0, List.of("inseguro"));
    assertThat(data.size()).as("still answered").isEqualTo(288);
    assertThat(tiny.holds(first)).as("but not kept above the budget").isFalse();
  }

  private long waveId(String wave) throws Exception {
    try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
        var s =
            c.prepareStatement(
                "SELECT w.id FROM survey_wave w JOIN survey s ON s.id = w.survey_id"
                    + " WHERE s.code = ? AND w.code = ?")) {
      s.setString(1, code);
      s.setString(2, wave);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
