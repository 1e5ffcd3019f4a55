package org.atalaya;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning feature that alone writes it (docs/architecture.md, "Tables and their
 * owners"). The SQL a class writes is in its compiled constants (text blocks and literals, even
 * concatenated ones), so the test reads the main classes' constant pools for {@code INSERT INTO},
 * {@code UPDATE} and {@code DELETE FROM} a table of the migrations, and holds the writing feature
 * (the package under {@code org.atalaya}) to the owner the document names.
 */
class TableOwnersTest {
  private static final Pattern WRITE =
      Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+\"?([a-z_][a-z0-9_]*)\\b");
  private static final Pattern CREATED =
      Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");
  private static final Pattern OWNER_ROW =
      Pattern.compile("^\\|\\s*(`[a-z_]+`(?:\\s*,\\s*`[a-z_]+`)*)\\s*\\|\\s*([a-z]+)\\s*\\|");

  @Test
  void onlyTheOwningFeatureWritesATable() throws Exception {
    Map<String, String> owners = owners();
    Set<String> tables = tablesOfTheMigrations();
    List<String> wrong = new ArrayList<>();
    Map<String, Set<String>> writers = new TreeMap<>();
    for (Write w : writes(tables)) {
      writers.computeIfAbsent(w.table(), t -> new TreeSet<>()).add(w.feature());
      String owner = owners.get(w.table());
      if (owner == null) {
        wrong.add(w.className() + " writes " + w.table() + ", which has no owner in the document");
      } else if (!owner.equals(w.feature())) {
        wrong.add(w.className() + " writes " + w.table() + ", owned by " + owner);
      }
    }
    assertThat(writers)
        .as("the scan finds the writes it is there to check")
        .containsKeys(
            "measurement", "survey_wave", "audit_log", "revoked_token", "period_approval");
    assertThat(wrong).as("writes outside the owner (docs/architecture.md)").isEmpty();
  }

  @Test
  void theScanSeesAWriteOutsideItsOwner() {
    byte[] classFile = classFile("UPDATE survey_wave SET validated_by = ? WHERE id = ?");
    assertThat(tablesWritten(classFile, Set.of("survey_wave", "survey")))
        .containsExactly("survey_wave");
    assertThat(owners()).containsEntry("survey_wave", "survey").containsEntry("audit_log", "audit");
  }

  /** A class file whose constant pool holds one string (and its UTF-8 entry). */
  private static byte[] classFile(String text) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new DataOutputStream(bytes)) {
      out.writeInt(0xCAFEBABE);
      out.writeInt(61);
      out.writeShort(3);
      out.writeByte(1);
      out.writeUTF(text);
      out.writeByte(8);
      out.writeShort(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  record Write(String className, String feature, String table) {}

  /** table → owner, from the document's table (a row may list several tables). */
  static Map<String, String> owners() {
    Map<String, String> owners = new TreeMap<>();
    boolean inTable = false;
    for (String line : lines(Path.of("..", "docs", "architecture.md"))) {
      if (line.startsWith("## ")) {
        inTable = line.startsWith("## Tables and their owners");
      }
      Matcher m = OWNER_ROW.matcher(line);
      if (inTable && m.find()) {
        for (String table : m.group(1).split(",")) {
          owners.put(table.strip().replace("`", ""), m.group(2));
        }
      }
    }
    return owners;
  }

  private static Set<String> tablesOfTheMigrations() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("..", "sql"))) {
      Set<String> tables = new TreeSet<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher m = CREATED.matcher(Files.readString(file));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
      }
      return tables;
    }
  }

  private static List<Write> writes(Set<String> tables) throws IOException, URISyntaxException {
    Path root =
        Path.of(Application.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path base = root.resolve("org/atalaya");
    try (Stream<Path> files = Files.walk(base)) {
      List<Write> writes = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String relative = base.relativize(file).toString().replace('\\', '/');
        String feature = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
        String className = "org.atalaya." + relative.replace('/', '.').replace(".class", "");
        for (String table : tablesWritten(Files.readAllBytes(file), tables)) {
          writes.add(new Write(className, feature, table));
        }
      }
      return writes;
    }
  }

  /** The tables that a class file's string constants write. */
  static Set<String> tablesWritten(byte[] classFile, Set<String> tables) {
    Set<String> written = new TreeSet<>();
    for (String constant : constants(classFile)) {
      Matcher m = WRITE.matcher(constant);
      while (m.find()) {
        String table = m.group(2).toLowerCase(Locale.ROOT);
        if (tables.contains(table)) {
          written.add(table);
        }
      }
    }
    return written;
  }

  /** The UTF-8 entries of a class file's constant pool (JVMS 4.4), where its SQL text lives. */
  static List<String> constants(byte[] classFile) {
    try (var in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      in.skipNBytes(8); // magic, minor and major version
      int count = in.readUnsignedShort();
      List<String> texts = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> texts.add(in.readUTF());
          case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
          case 15 -> in.skipNBytes(3);
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> {
            in.skipNBytes(8);
            i++; // a long or a double takes two entries
          }
          default -> throw new IllegalStateException("constant pool tag " + tag);
        }
      }
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
