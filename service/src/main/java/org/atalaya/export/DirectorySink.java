package org.atalaya.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * An export into a folder that must not exist yet. It is written beside it ({@code name.part}) and
 * renamed only when complete, so a failure (a full disk, a lost connection) leaves no folder that
 * looks like an export.
 */
final class DirectorySink extends ExportSink {
  private final Path target;
  private final Path partial;
  private boolean completed;

  DirectorySink(Path target) throws IOException {
    this.target = target.toAbsolutePath().normalize();
    this.partial = this.target.resolveSibling(this.target.getFileName() + ".part");
    if (Files.exists(this.target)) {
      throw new ExportException("export.target.exists", this.target);
    }
    deleteTree(partial);
    Files.createDirectories(partial);
  }

  Path target() {
    return target;
  }

  @Override
  OutputStream open(String name) throws IOException {
    Path file = partial.resolve(name).normalize();
    if (!file.startsWith(partial)) {
      throw new IllegalArgumentException("Export file outside its folder: " + name);
    }
    Files.createDirectories(file.getParent());
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }

  @Override
  void closeEntry(OutputStream entry) throws IOException {
    entry.close();
  }

  @Override
  void complete() throws IOException {
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    completed = true;
  }

  @Override
  public void close() throws IOException {
    if (!completed) {
      deleteTree(partial);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
