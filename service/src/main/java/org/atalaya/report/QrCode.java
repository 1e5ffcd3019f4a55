package org.atalaya.report;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** A QR code as a PNG data URI, for the brochure's back page; sharp at any print size. */
final class QrCode {
  private static final int MODULE = 8;

  private QrCode() {}

  static String dataUri(String text) {
    try {
      var matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      4));
      int w = matrix.getWidth();
      int h = matrix.getHeight();
      var image = new BufferedImage(w * MODULE, h * MODULE, BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < h * MODULE; y++) {
        for (int x = 0; x < w * MODULE; x++) {
          image.setRGB(x, y, matrix.get(x / MODULE, y / MODULE) ? 0x000000 : 0xFFFFFF);
        }
      }
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode as a QR code: " + text, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
