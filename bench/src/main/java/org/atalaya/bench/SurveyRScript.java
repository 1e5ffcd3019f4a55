package org.atalaya.bench;

/**
 * The R side of the survey benchmark. Arguments: the CSV, the output file. It times reading,
 * building the two designs, and the estimates (svyby per variable and domain set, with n and df per
 * domain computed once per domain set and the logit interval) apart, and writes one line per
 * estimate with 17 significant digits so that the comparison sees R's doubles.
 */
final class SurveyRScript {
  private SurveyRScript() {}

  static final String TEXT =
      """
      suppressMessages(library(survey))
      options(survey.lonely.psu = "certainty")
      a <- commandArgs(TRUE)
      read_s <- system.time(d <- read.csv(a[1]))[["elapsed"]]
      vars <- c("VP_DC", "VP_DV", "PAD", "VH_DC", "VH_DV")
      bys <- list(sex = "rph_sexo", region = "enc_region", commune = "enc_rpc",
                  sex_region = c("rph_sexo", "enc_region"))
      design_s <- system.time({
        persons <- svydesign(ids = ~Conglomerado, strata = ~VarStrat,
                             weights = ~Fact_Pers_Reg, data = d)
        households <- svydesign(ids = ~Conglomerado, strata = ~VarStrat,
                                weights = ~Fact_Hog_Reg, data = d)
      })[["elapsed"]]
      out <- list()
      estimate_s <- system.time({
        for (b in names(bys)) {
          cols <- bys[[b]]
          key <- do.call(paste, c(unname(as.list(d[cols])), sep = "|"))
          n <- table(key)
          df <- tapply(d$Conglomerado, key, function(x) length(unique(x))) -
                tapply(d$VarStrat, key, function(x) length(unique(x)))
          for (v in vars) {
            des <- if (startsWith(v, "VH_")) households else persons
            r <- svyby(as.formula(paste0("~", v)),
                       as.formula(paste0("~", paste(cols, collapse = "+"))),
                       des, svymean, deff = TRUE)
            k <- do.call(paste, c(unname(as.list(r[cols])), sep = "|"))
            p <- r[[v]]
            se <- SE(r)
            g <- as.vector(df[k])
            h <- qt(0.975, g) * se / (p * (1 - p))
            l <- log(p / (1 - p))
            out[[length(out) + 1]] <- data.frame(
              key = paste(v, b, k, sep = "|"), estimate = p, se = se, deff = deff(r),
              n = as.vector(n[k]), df = g, lo = plogis(l - h), hi = plogis(l + h))
          }
        }
        res <- do.call(rbind, out)
      })[["elapsed"]]
      f <- function(x) sprintf("%.17g", x)
      writeLines(paste(res$key, f(res$estimate), f(res$se), f(res$deff), res$n, res$df,
                       f(res$lo), f(res$hi), sep = ","), a[2])
      cat(sprintf("R_TIME read=%.3f design=%.3f estimate=%.3f\\n", read_s, design_s, estimate_s))
      cat(sprintf("R_VERSION %s survey %s\\n", getRversion(), packageVersion("survey")))
      """;
}
