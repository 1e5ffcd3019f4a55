package org.atalaya.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The address a request came from: the connection's, unless that connection is one of the
 * configured trusted proxies ({@code atalaya.security.trusted-proxies}, empty by default), in which
 * case the last address in {@code X-Forwarded-For} that is not itself a trusted proxy. Without the
 * setting the header is ignored: anyone can write it.
 */
@Singleton
public class ClientAddress {
  private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private final Set<String> trusted;

  ClientAddress(@Value("${atalaya.security.trusted-proxies:}") List<String> trusted) {
    this.trusted =
        Set.copyOf(trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
  }

  public String of(HttpRequest<?> request) {
    String remote = request.getRemoteAddress().getAddress().getHostAddress();
    if (!trusted.contains(remote)) {
      return remote;
    }
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!IP.matcher(hop).matches()) {
        return remote; // a hop we cannot read: do not guess past it
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
    }
    return remote;
  }
}
