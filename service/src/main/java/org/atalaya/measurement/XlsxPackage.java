package org.atalaya.measurement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.IOUtils;
import org.atalaya.shared.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * An uploaded .xlsx file as a POI package: recognises what the file really is (empty, an old .xls,
 * a password-protected workbook, something else entirely) and turns whatever POI throws while
 * reading it into a 422 naming the file.
 */
final class XlsxPackage {
  // logged under the reader's name, where these messages have always been
  private static final Logger LOG = LoggerFactory.getLogger(XlsxRowSource.class);

  private final String fileName;
  private final Path file;

  XlsxPackage(String fileName, Path file) {
    this.fileName = fileName;
    this.file = file;
  }

  interface PackageWork<T> {
    T apply(OPCPackage pkg)
        throws IOException, SAXException, OpenXML4JException, ParserConfigurationException;
  }

  /** Opens the package read-only; whatever POI throws becomes a 422 naming the file. */
  <T> T withPackage(PackageWork<T> work) {
    refuseOtherFormats();
    ZipSecureFile zip = null;
    OPCPackage pkg = null;
    try {
      // Not OPCPackage.open(File): on a damaged zip it falls back to inflating it all into memory.
      zip = new ZipSecureFile(file.toFile());
      pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
      return work.apply(pkg);
    } catch (ConsumerFailure e) {
      throw e.failure;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("no usable SAX parser", e);
    } catch (IOException | SAXException | OpenXML4JException | RuntimeException e) {
      LOG.debug("Unreadable workbook {}", fileName, e);
      throw ApiException.invalid(fileName, isZipBomb(e) ? "xlsxTooLarge" : "xlsxCorrupt");
    } finally {
      if (pkg != null) {
        pkg.revert(); // close() on a read-only package logs a warning, then does just this
      } else {
        IOUtils.closeQuietly(zip);
      }
    }
  }

  private void refuseOtherFormats() {
    FileMagic magic;
    try {
      magic = Files.size(file) == 0 ? null : FileMagic.valueOf(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw ApiException.invalid(fileName, "xlsxCorrupt");
    }
    if (magic == null) {
      throw ApiException.invalid(fileName, "emptyFile");
    }
    if (magic == FileMagic.OLE2) {
      throw ApiException.invalid(fileName, ole2Kind());
    }
    if (magic == FileMagic.BIFF2 || magic == FileMagic.BIFF3 || magic == FileMagic.BIFF4) {
      throw ApiException.invalid(fileName, "xlsxOldFormat");
    }
    if (magic != FileMagic.OOXML) {
      throw ApiException.invalid(fileName, "xlsxCorrupt");
    }
  }

  /** Excel saves a password-protected .xlsx inside an OLE2 container, like an old .xls. */
  private String ole2Kind() {
    try (var fs = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = fs.getRoot();
      if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
        return "xlsxEncrypted";
      }
      if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
        return "xlsxOldFormat";
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("Unreadable OLE2 file {}", fileName, e);
    }
    return "xlsxCorrupt";
  }

  /** POI's zip-bomb guard throws a plain IOException; only its message tells it apart. */
  private static boolean isZipBomb(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null
          && (message.startsWith("Zip bomb detected")
              || message.contains("potentially malicious"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A consumer's own exception, carried through the parser untouched: {@link #withPackage} throws
   * the {@code failure} itself rather than calling the file corrupt.
   */
  static final class ConsumerFailure extends RuntimeException {
    final RuntimeException failure;

    ConsumerFailure(RuntimeException failure) {
      super(null, failure, false, false);
      this.failure = failure;
    }
  }
}
