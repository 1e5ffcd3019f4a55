package org.atalaya.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on loopback: {@code clients} threads, each sending the next GET as
 * soon as the last answer has been read in full, over kept-alive HTTP/1.1 connections. Every
 * latency of the measured window is kept (no sampling, no histogram buckets).
 */
final class PageLoad {

  /** What one window measured: latencies in ns, answers by class, the CPU both sides used. */
  record Window(
      String name,
      long[] latencies,
      long errors,
      String firstError,
      double seconds,
      long bytes,
      double clientCpuSeconds,
      double serviceCpuSeconds,
      double machineCpuSeconds) {

    double requestsPerSecond() {
      return latencies.length / seconds;
    }

    double percentileMs(double p) {
      if (latencies.length == 0) {
        return Double.NaN;
      }
      int i = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(i, latencies.length - 1))] / 1e6;
    }

    double meanBytes() {
      return latencies.length == 0 ? 0 : (double) bytes / latencies.length;
    }
  }

  private final HttpClient http;
  private final int clients;
  private final List<Process> services;

  PageLoad(int clients, Process service) {
    this(clients, List.of(service));
  }

  /**
   * Load spread over several services (their CPU summed): see {@link #run(String, List, String,
   * Duration, Duration)}.
   */
  PageLoad(int clients, List<Process> services) {
    this.clients = clients;
    this.services = List.copyOf(services);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * Load for {@code warmUp}, unmeasured, then for {@code measured}; a 200 is the only success. With
   * a token, as that signed-in user (whose pages are computed afresh every time).
   */
  Window run(String name, URI uri, String token, Duration warmUp, Duration measured)
      throws InterruptedException {
    return run(name, List.of(uri), token, warmUp, measured);
  }

  /**
   * The same over several addresses of one page (one per service, as behind a load balancer): each
   * client sends its requests to them in turn, round-robin.
   */
  Window run(String name, List<URI> uris, String token, Duration warmUp, Duration measured)
      throws InterruptedException {
    HttpRequest[] requests = new HttpRequest[uris.size()];
    for (int i = 0; i < requests.length; i++) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(uris.get(i))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "text/html,image/svg+xml,*/*");
      if (token != null) {
        builder.header("Authorization", "Bearer " + token);
      }
      requests[i] = builder.GET().build();
    }
    long start = System.nanoTime();
    long from = start + warmUp.toNanos();
    long until = from + measured.toNanos();
    List<long[]> perClient = new ArrayList<>();
    int[] counts = new int[clients];
    AtomicLong errors = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    String[] firstError = {null};
    CountDownLatch done = new CountDownLatch(clients);
    double[] cpu = new double[6];
    Thread[] threads = new Thread[clients];
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[1 << 16];
      perClient.add(mine);
      int me = c;
      threads[c] =
          new Thread(
              () -> {
                try {
                  long[] buffer = mine;
                  long sent = me;
                  while (true) {
                    HttpRequest request = requests[(int) (sent++ % requests.length)];
                    long t0 = System.nanoTime();
                    if (t0 >= until) {
                      break;
                    }
                    boolean ok;
                    long size = 0;
                    try {
                      HttpResponse<byte[]> r =
                          http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                      ok = r.statusCode() == 200;
                      size = r.body().length;
                      if (!ok) {
                        note(firstError, "HTTP " + r.statusCode());
                      }
                    } catch (java.io.IOException e) {
                      ok = false;
                      note(firstError, e.toString());
                    }
                    long t1 = System.nanoTime();
                    if (t0 >= from && t1 <= until) {
                      if (ok) {
                        if (counts[me] == buffer.length) {
                          buffer = Arrays.copyOf(buffer, buffer.length * 2);
                          perClient.set(me, buffer);
                        }
                        buffer[counts[me]++] = t1 - t0;
                        bytes.addAndGet(size);
                      } else {
                        errors.incrementAndGet();
                      }
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              },
              "load-" + c);
    }
    for (Thread t : threads) {
      t.start();
    }
    Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
    cpu[0] = ProcFs.cpuSeconds(ProcessHandle.current());
    cpu[1] = serviceCpuSeconds();
    cpu[4] = ProcFs.machineBusySeconds();
    Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
    cpu[2] = ProcFs.cpuSeconds(ProcessHandle.current());
    cpu[3] = serviceCpuSeconds();
    cpu[5] = ProcFs.machineBusySeconds();
    done.await();
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Window(
        name,
        all,
        errors.get(),
        firstError[0],
        measured.toNanos() / 1e9,
        bytes.get(),
        cpu[2] - cpu[0],
        cpu[3] - cpu[1],
        cpu[5] - cpu[4]);
  }

  private double serviceCpuSeconds() {
    double sum = 0;
    for (Process p : services) {
      sum += ProcFs.cpuSeconds(p);
    }
    return sum;
  }

  private static synchronized void note(String[] first, String error) {
    if (first[0] == null) {
      first[0] = error;
    }
  }
}
