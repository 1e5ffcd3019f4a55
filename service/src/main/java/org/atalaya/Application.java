package org.atalaya;

import io.micronaut.context.ApplicationContext;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.atalaya.backup.BackupCommand;
import org.atalaya.export.ExportCommand;
import org.slf4j.LoggerFactory;

@OpenAPIDefinition(
    info =
        @Info(
            title = "Atalaya",
            version = "1",
            description =
                "Seguimiento del plan integral de seguridad ciudadana y convivencia del municipio."
                    + " Monitoring of the municipal citizen-security and coexistence plan."))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class Application {
  static final String JWT_SECRET =
      "micronaut.security.token.jwt.signatures.secret.generator.secret";

  static final String ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
      // Without the web server, and without starting a second server on the service's data.
      System.exit(BackupCommand.run(args));
    }
    if (args.length > 0 && args[0].equals("export")) {
      System.exit(ExportCommand.run(args));
    }
    if (args.length > 0 && args[0].equals("reset-password")) {
      System.exit(org.atalaya.security.ResetPasswordCommand.run(args));
    }
    System.setProperty("java.awt.headless", "true");
    // The pool checks a connection before every lend, not only one idle for half a second: a
    // database that hangs (stopped, swapped out) then costs a new request its connection timeout
    // and a 503, instead of a query that waits on a silent socket for ever. The check is one
    // round trip on a local socket.
    if (System.getProperty(ALIVE_BYPASS) == null) {
      System.setProperty(ALIVE_BYPASS, "0");
    }
    start(withoutOwnFlags(args), startupProperties(args));
  }

  /** Starts the service; a start that fails stops the embedded PostgreSQL it had started. */
  static ApplicationContext start(
      String[] args, Map<String, Object> properties, String... environments) {
    return new Startup()
        .args(args)
        .environments(environments)
        .mainClass(Application.class)
        .banner(false)
        .properties(properties)
        .start();
  }

  /** {@code --demo} loads the demonstration plan; a missing JWT secret gets a random one. */
  static Map<String, Object> startupProperties(String[] args) {
    Map<String, Object> properties = new HashMap<>();
    if (Arrays.asList(args).contains("--demo")) {
      properties.put("atalaya.demo", true);
    }
    boolean secretGiven =
        notBlank(System.getenv("ATALAYA_JWT_SECRET")) || notBlank(System.getProperty(JWT_SECRET));
    if (!secretGiven) {
      byte[] bytes = new byte[48];
      new SecureRandom().nextBytes(bytes);
      properties.put(JWT_SECRET, Base64.getEncoder().encodeToString(bytes));
      LoggerFactory.getLogger(Application.class)
          .warn("ATALAYA_JWT_SECRET is not set: using a random key, so tokens end at restart.");
    }
    return properties;
  }

  private static String[] withoutOwnFlags(String[] args) {
    return Arrays.stream(args).filter(a -> !a.equals("--demo")).toArray(String[]::new);
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
