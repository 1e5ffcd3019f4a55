package org.atalaya.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads exists in Spanish and in English: each bundle's keys are the same in
 * both languages, no key lives in two bundles, and every {@code #{key}} a page template names is in
 * a bundle (a missing one shows as {@code ??key_es_PA??} on the page).
 */
class MessageBundlesTest {
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

  @Test
  void everyBundleHasTheSameKeysInSpanishAndEnglish() {
    for (String bundle : Messages.BUNDLES) {
      Set<String> spanish = keys(bundle, "");
      Set<String> english = keys(bundle, "_en");
      Set<String> onlySpanish = new TreeSet<>(spanish);
      onlySpanish.removeAll(english);
      Set<String> onlyEnglish = new TreeSet<>(english);
      onlyEnglish.removeAll(spanish);
      assertEquals(Set.of(), onlySpanish, bundle + ": keys without English");
      assertEquals(Set.of(), onlyEnglish, bundle + ": keys without Spanish");
    }
  }

  @Test
  void noKeyLivesInTwoBundles() {
    Set<String> seen = new TreeSet<>();
    Set<String> twice = new TreeSet<>();
    for (String bundle : Messages.BUNDLES) {
      for (String key : keys(bundle, "")) {
        if (!seen.add(key)) {
          twice.add(key);
        }
      }
    }
    assertEquals(Set.of(), twice, "keys defined in more than one bundle");
  }

  @Test
  void everyKeyAPageTemplateNamesIsTranslated() throws IOException {
    Set<String> all = new TreeSet<>();
    for (String bundle : Messages.BUNDLES) {
      all.addAll(keys(bundle, ""));
    }
    Set<String> missing = new TreeSet<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/views"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
        while (m.find()) {
          found++;
          if (!all.contains(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(found > 100, "the templates name message keys (" + found + ")");
    assertEquals(Set.of(), missing, "template keys missing from the bundles");
  }

  private static Set<String> keys(String bundle, String suffix) {
    String resource = bundle.replace('.', '/') + suffix + ".properties";
    try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertTrue(in != null, resource + " exists");
      Properties properties = new Properties();
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      return new TreeSet<>(properties.stringPropertyNames());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
