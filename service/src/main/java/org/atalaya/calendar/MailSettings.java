package org.atalaya.calendar;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMTP server reminders go through ({@code atalaya.mail.*}); with no host, no e-mail is sent
 * and the in-app list is the only reminder. {@code recipients} are {@code INSTITUTION=address}
 * pairs (one institution may appear several times).
 */
@ConfigurationProperties("atalaya.mail")
public class MailSettings {
  private @Nullable String host;
  private int port = 25;
  private @Nullable String from;
  private @Nullable String username;
  private @Nullable String password;
  private boolean starttls;
  private List<String> recipients = new ArrayList<>();

  public boolean configured() {
    return host != null && !host.isBlank() && from != null && !from.isBlank();
  }

  /** The addresses of each institution, by institution code. */
  public Map<String, List<String>> addresses() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String pair : recipients) {
      int eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length() - 1) {
        out.computeIfAbsent(pair.substring(0, eq).strip(), k -> new ArrayList<>())
            .add(pair.substring(eq + 1).strip());
      }
    }
    return out;
  }

  public @Nullable String getHost() {
    return host;
  }

  public void setHost(@Nullable String host) {
    this.host = host;
  }

  public int getPort() {
    return port;
  }

  public void setPort(int port) {
    this.port = port;
  }

  public @Nullable String getFrom() {
    return from;
  }

  public void setFrom(@Nullable String from) {
    this.from = from;
  }

  public @Nullable String getUsername() {
    return username;
  }

  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  public @Nullable String getPassword() {
    return password;
  }

  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  public boolean isStarttls() {
    return starttls;
  }

  public void setStarttls(boolean starttls) {
    this.starttls = starttls;
  }

  public List<String> getRecipients() {
    return recipients;
  }

  public void setRecipients(List<String> recipients) {
    this.recipients = recipients == null ? new ArrayList<>() : new ArrayList<>(recipients);
  }
}
