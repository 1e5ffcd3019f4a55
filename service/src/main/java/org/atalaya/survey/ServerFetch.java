package org.atalaya.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads every submission of a form, page after page, the way each server's API documents it:
 * KoboToolbox API v2 {@code /api/v2/assets/{uid}/data/?format=json} following {@code next}; ODK
 * Central's OData {@code /v1/projects/{p}/forms/{f}.svc/Submissions} with {@code $top}, {@code
 * $skip} and {@code $count}, after opening a session with the account's email and password (closed
 * again at the end).
 */
final class ServerFetch {
  private ServerFetch() {}

  static Submissions fetch(
      ServerDoc.View server, ServerDoc.Credential credential, PullSettings settings) {
    var client = new ServerClient(server.url(), settings);
    var submissions = new Submissions();
    switch (server.kind()) {
      case KOBO -> kobo(client, server, credential, settings, submissions);
      case ODK -> odk(client, server, credential, settings, submissions);
    }
    submissions.pages(client.pages());
    return submissions;
  }

  private static void kobo(
      ServerClient client,
      ServerDoc.View server,
      ServerDoc.Credential credential,
      PullSettings settings,
      Submissions out) {
    String auth = "Token " + credential.token();
    URI next =
        client.resolve(
            "api/v2/assets/"
                + encode(server.form())
                + "/data/?format=json&limit="
                + settings.pageSize());
    while (next != null) {
      JsonNode page = client.page(next, auth);
      JsonNode results = page.path("results");
      if (!results.isArray()) {
        throw new PullFailure("notJson", next.getHost(), next.getPath());
      }
      results.forEach(out::addKobo);
      String link = page.path("next").asText("");
      next = link.isEmpty() || page.path("next").isNull() ? null : URI.create(link);
    }
  }

  private static void odk(
      ServerClient client,
      ServerDoc.View server,
      ServerDoc.Credential credential,
      PullSettings settings,
      Submissions out) {
    String body;
    try {
      body =
          new ObjectMapper()
              .writeValueAsString(
                  Map.of("email", credential.email(), "password", credential.password()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    JsonNode session =
        client.send(
            HttpRequest.newBuilder(client.resolve("v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            null);
    String token = session.path("token").asText("");
    if (token.isEmpty()) {
      throw new PullFailure("notJson", client.resolve("v1/sessions").getHost(), "/v1/sessions");
    }
    String auth = "Bearer " + token;
    try {
      String path =
          "v1/projects/"
              + encode(server.project())
              + "/forms/"
              + encode(server.form())
              + ".svc/Submissions";
      long skip = 0;
      while (true) {
        URI uri =
            client.resolve(
                path + "?%24top=" + settings.pageSize() + "&%24skip=" + skip + "&%24count=true");
        JsonNode page = client.page(uri, auth);
        JsonNode value = page.path("value");
        if (!value.isArray()) {
          throw new PullFailure("notJson", uri.getHost(), uri.getPath());
        }
        value.forEach(out::addOdk);
        skip += value.size();
        long count = page.path("@odata.count").asLong(-1);
        if (value.isEmpty() || count >= 0 && skip >= count) {
          break;
        }
      }
    } finally {
      try {
        client.send(
            HttpRequest.newBuilder(client.resolve("v1/sessions/" + encode(token))).DELETE(), auth);
      } catch (RuntimeException ignored) {
        // The session expires by itself within a day; a failed logout loses nothing.
      }
    }
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
