# Reference raked weights for rakeWeights: R's survey::rake (Lumley), no trimming.
# Run: Rscript test/survey/reference/rake_weights_reference.R > test/survey/reference/rake-weights-reference.json
# Debian: apt-get install r-base-core r-cran-survey
suppressMessages(library(survey))
set.seed(19400101)
json_num <- function(x) paste0("[", paste(trimws(formatC(x, digits = 17, format = "g")), collapse = ", "), "]")
json_str <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
cases <- list()

# 1. The doc-comment example: 2 margins, 6 respondents.
doc <- data.frame(region = c("north", "north", "south", "south", "south", "south"),
                  plan = c("basic", "pro", "basic", "basic", "pro", "basic"), w = 1)
cases[[1]] <- list(name = "doc example", data = doc,
  margins = list(region = c(north = 500, south = 500), plan = c(basic = 700, pro = 300)))

# 2. Three margins (region x plan x tenure), 300 respondents with design weights, skewed sample.
n <- 300
sample3 <- data.frame(
  region = sample(c("north", "south", "east", "west"), n, replace = TRUE, prob = c(0.4, 0.3, 0.2, 0.1)),
  plan = sample(c("basic", "pro", "enterprise"), n, replace = TRUE, prob = c(0.3, 0.5, 0.2)),
  tenure = sample(c("<1y", "1-3y", "3y+"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2)),
  w = round(runif(n, 0.5, 2), 3))
cases[[2]] <- list(name = "three margins with design weights", data = sample3,
  margins = list(region = c(north = 2500, south = 2500, east = 3000, west = 2000),
                 plan = c(basic = 6000, pro = 3000, enterprise = 1000),
                 tenure = c("<1y" = 3000, "1-3y" = 4000, "3y+" = 3000)))

out <- c()
for (k in seq_along(cases)) {
  cs <- cases[[k]]
  d <- cs$data
  design <- svydesign(ids = ~1, weights = ~w, data = d)
  sample_margins <- lapply(names(cs$margins), function(m) as.formula(paste0("~", m)))
  population_margins <- lapply(names(cs$margins), function(m) {
    t <- cs$margins[[m]]
    df <- data.frame(names(t), as.numeric(t))
    names(df) <- c(m, "Freq")
    df
  })
  raked <- rake(design, sample_margins, population_margins, control = list(maxit = 1000, epsilon = 1e-12))
  w <- weights(raked)
  margins_json <- paste(sapply(names(cs$margins), function(m) {
    t <- cs$margins[[m]]
    sprintf('{"name": "%s", "categories": %s, "targets": %s}', m, json_str(names(t)), json_num(as.numeric(t)))
  }), collapse = ", ")
  columns_json <- paste(sapply(names(cs$margins), function(m) sprintf('"%s": %s', m, json_str(d[[m]]))), collapse = ", ")
  out <- c(out, sprintf('{"name": "%s", "columns": {%s}, "base": %s, "margins": [%s], "weights": %s}',
                        cs$name, columns_json, json_num(d$w), margins_json, json_num(as.numeric(w))))
}
cat(sprintf('{"source": "R %s, survey %s: rake(svydesign(ids = ~1, weights = ~w), ..., control = list(maxit = 1000, epsilon = 1e-12))",\n "cases": [\n%s\n]}\n',
            paste(R.version$major, R.version$minor, sep = "."), packageVersion("survey"), paste(out, collapse = ",\n")))
