package org.atalaya.report.cli;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.atalaya.report.ReportExport;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Renders a plan's accountability report to files without the web server, for scheduled production:
 * the same database settings as the service (embedded by default), nothing published.
 *
 * <pre>
 * java -cp service/target/atalaya-service-0.1.0-SNAPSHOT.jar org.atalaya.report.cli.ReportCommand \
 *     --demo --plan LCH-PISCC-2025 --period 2025 --out informe/
 * </pre>
 */
@Command(
    name = "atalaya-report",
    mixinStandardHelpOptions = true,
    description = "Renders a plan's accountability report (PDF, HTML, brochures, open data).")
public class ReportCommand implements Callable<Integer> {
  static final String JWT_SECRET =
      "micronaut.security.token.jwt.signatures.secret.generator.secret";

  @Option(names = "--plan", required = true, description = "plan code, e.g. LCH-PISCC-2025")
  String plan;

  @Option(
      names = "--period",
      required = true,
      description = "2025, 2025-S1, 2025-T2 or 2025-07; its last day is the data cut-off")
  String period;

  @Option(names = "--out", defaultValue = "informe", description = "output directory")
  Path out;

  @Option(
      names = "--file",
      description = "only this file (e.g. informe-es.pdf); all files when absent")
  String file;

  @Inject ReportExport export;

  @Option(names = "--demo", description = "load the La Chorrera demonstration first (idempotent)")
  boolean demo;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    Map<String, Object> properties = new HashMap<>();
    properties.put("atalaya.demo", Arrays.asList(args).contains("--demo"));
    // The command signs no token, but the security module will not start without a key.
    byte[] key = new byte[48];
    new SecureRandom().nextBytes(key);
    properties.put(JWT_SECRET, Base64.getEncoder().encodeToString(key));
    int status;
    // Closed before exiting, so that the embedded PostgreSQL stops cleanly.
    try (ApplicationContext context =
        ApplicationContext.builder(ReportCommand.class, Environment.CLI)
            .properties(properties)
            .start()) {
      status = new CommandLine(ReportCommand.class, new MicronautFactory(context)).execute(args);
    }
    System.exit(status);
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    List<ReportExport.Output> files;
    try {
      files = file == null ? export.all(plan, period) : List.of(export.one(plan, period, file));
    } catch (ApiException e) {
      System.err.println(Messages.format(Messages.DEFAULT, e.key(), e.args()));
      return 2;
    }
    Files.createDirectories(out);
    for (ReportExport.Output f : files) {
      Path target = out.resolve(f.name());
      Files.write(target, f.content());
      System.out.printf("%-28s %,10d bytes%n", target, f.content().length);
    }
    System.out.printf("%d files in %.1f s%n", files.size(), (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
