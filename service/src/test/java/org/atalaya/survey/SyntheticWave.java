package org.atalaya.survey;

import java.util.Random;

/**
 * A perception-survey file large enough to publish: 12 strata × 3 PSUs × 8 interviews (288), women
 * and men alternating, Barrio Balboa in strata 1–6, Barrio Colón in 7–12 except one PSU, E12-U3,
 * which is all of Amador (8 interviews in one PSU: too few to publish, and no interval).
 */
final class SyntheticWave {
  private SyntheticWave() {}

  static String csv(long seed, double unsafe) {
    var random = new Random(seed);
    var out = new StringBuilder(MicrodataBadInputTest.HEADER);
    int id = 0;
    for (int s = 1; s <= 12; s++) {
      for (int u = 1; u <= 3; u++) {
        String place = s == 12 && u == 3 ? "3" : s <= 6 ? "1" : "2";
        for (int k = 0; k < 8; k++) {
          id++;
          int weight = 50 + (id % 7) * 10;
          String sex = id % 2 == 0 ? "2" : "1";
          String feels = random.nextDouble() < unsafe ? "1" : "2";
          int trust = 1 + random.nextInt(5);
          out.append("r")
              .append(id)
              .append(',')
              .append(weight)
              .append(",E")
              .append(s)
              .append(",E")
              .append(s)
              .append("-U")
              .append(u)
              .append(',')
              .append(sex)
              .append(',')
              .append(place)
              .append(',')
              .append(feels)
              .append(',')
              .append(trust)
              .append(',')
              .append(18 + random.nextInt(60))
              .append(',')
              .append(random.nextBoolean() ? "robo" : "")
              .append('\n');
        }
      }
    }
    return out.toString();
  }
}
