# A published relative-weights example for keyDrivers: R's mtcars, mpg on cyl, disp, hp and gear,
# as in the README of the R package rwa (M. Chan, https://github.com/martinctc/rwa, "Basic
# example"): R² 0.7791896, raw relative weights cyl 0.2284797, disp 0.2221469, hp 0.2321744,
# gear 0.0963886 (rescaled 29.32274, 28.50999, 29.79691, 12.37037 %).
# This script only exports the data (R's datasets::mtcars) beside those published figures.
# Run: Rscript test/survey/reference/key_drivers_published.R > test/survey/reference/key-drivers-published.json
# Debian: apt-get install r-base-core
json_num <- function(x) paste0("[", paste(trimws(formatC(as.numeric(x), digits = 17, format = "g")), collapse = ", "), "]")
cat(sprintf(paste0('{"source": "R %s datasets::mtcars; published figures: rwa README, Basic example (Chan), Johnson (2000) relative weights",\n',
                   ' "mpg": %s,\n "cyl": %s,\n "disp": %s,\n "hp": %s,\n "gear": %s,\n',
                   ' "published": {"rSquared": 0.7791896, "raw": {"cyl": 0.2284797, "disp": 0.2221469, "hp": 0.2321744, "gear": 0.0963886},\n',
                   '  "rescaledPercent": {"cyl": 29.32274, "disp": 28.50999, "hp": 29.79691, "gear": 12.37037}}}\n'),
            paste(R.version$major, R.version$minor, sep = "."),
            json_num(mtcars$mpg), json_num(mtcars$cyl), json_num(mtcars$disp), json_num(mtcars$hp), json_num(mtcars$gear)))
