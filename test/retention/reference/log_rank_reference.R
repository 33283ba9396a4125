# Reference log-rank statistics for logRankTest: R's survival::survdiff (rho = 0).
# Run: Rscript test/retention/reference/log_rank_reference.R > test/retention/reference/log-rank-reference.json
# Debian: apt-get install r-base-core r-cran-survival
suppressMessages(library(survival))
json_num <- function(x) paste0("[", paste(trimws(formatC(as.numeric(x), digits = 17, format = "g")), collapse = ", "), "]")
json_str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
one <- function(name, time, status, group) {
  group <- as.character(group)
  fit <- survdiff(Surv(time, status) ~ group)
  levels <- sub("^group=", "", names(fit$n))
  p <- pchisq(fit$chisq, length(levels) - 1, lower.tail = FALSE)
  sprintf('{"name": "%s", "time": %s, "status": %s, "group": %s, "levels": %s, "observed": %s, "expected": %s, "chisq": %s, "df": %d, "p": %s}',
          name, json_num(time), json_num(status), json_str(group), json_str(levels), json_num(fit$obs), json_num(fit$exp),
          json_num(fit$chisq), length(levels) - 1L, json_num(p))
}
cases <- c(
  # Acute myelogenous leukaemia: maintained vs not (Miller 1981), 2 groups.
  one("aml", aml$time, aml$status, aml$x),
  # Veterans' lung cancer trial, 4 cell types (Kalbfleisch & Prentice 1980), many ties.
  one("veteran by cell type", veteran$time, veteran$status, veteran$celltype),
  # The doc-comment example.
  one("doc example", c(3, 5, 8, 12, 14, 1, 2, 2, 4, 6), c(1, 1, 1, 0, 0, 1, 1, 1, 1, 0), rep(c("search", "social"), each = 5)),
  # Ovarian cancer by residual disease, 2 groups, small.
  one("ovarian by resid.ds", ovarian$futime, ovarian$fustat, ovarian$resid.ds)
)
cat(sprintf('{"source": "R %s, survival %s: survdiff(Surv(time, status) ~ group)",\n "cases": [\n%s\n]}\n',
            paste(R.version$major, R.version$minor, sep = "."), packageVersion("survival"), paste(cases, collapse = ",\n")))
