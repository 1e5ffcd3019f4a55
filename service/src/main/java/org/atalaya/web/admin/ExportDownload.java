package org.atalaya.web.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutorService;
import org.atalaya.export.OpenExport;
import org.atalaya.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's download of the open export, one zip streamed as it is written: the
 * database's largest tables never sit whole in memory. A failure midway ends the download without
 * the zip's directory, so the broken file is refused by any unzip tool rather than read as
 * complete.
 */
@Controller("/admin/copias/exportacion")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_NAME)
class ExportDownload {
  private static final Logger LOG = LoggerFactory.getLogger(ExportDownload.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final OpenExport export;
  private final ExecutorService writers;

  ExportDownload(OpenExport export, @Named(TaskExecutors.BLOCKING) ExecutorService writers) {
    this.export = export;
    this.writers = writers;
  }

  @Get
  HttpResponse<StreamedFile> download() throws IOException {
    PipedInputStream in = new PipedInputStream(1 << 16);
    PipedOutputStream out = new PipedOutputStream(in);
    writers.execute(
        () -> {
          try (var sink = OpenExport.zip(out)) {
            var summary = export.write(sink);
            LOG.info("Open export downloaded: {} files", summary.files());
          } catch (Exception e) {
            LOG.warn("Open export failed midway; the download ends unreadable", e);
          }
        });
    String name = "atalaya-exportacion-" + STAMP.format(ZonedDateTime.now()) + ".zip";
    return HttpResponse.ok(new StreamedFile(in, new MediaType("application/zip")))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
  }
}
