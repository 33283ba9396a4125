"""Independent reference values for test/clv/predict-transactions*.test.ts.

BG/NBD (Fader, Hardie & Lee 2005, eq. 10 and P(alive)) and BG/BB (Fader, Hardie & Shang 2010,
eqs. 11 and 13) with mpmath at 50 digits, straight from the published formulas; and the
quantiles of the negative binomial totals the predictive-interval machinery must reproduce with
the test-only Poisson-gamma model (scipy). Run: python3 predict_transactions_reference.py
"""
import json
import os

import mpmath as mp
from scipy.stats import nbinom

mp.mp.dps = 50


def bg_nbd(r, alpha, a, b, x, tx, T, t):
    r, alpha, a, b, tx, T, t = map(mp.mpf, (r, alpha, a, b, tx, T, t))
    odds = (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) if x > 0 else mp.mpf(0)
    alive = 1 / (1 + odds)
    z = t / (alpha + T + t)
    bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, z)
    expected = (a + b + x - 1) / (a - 1) * bracket / (1 + odds)
    return float(alive), float(expected)


def bg_bb(alpha, beta, gamma, delta, x, tx, n, n_star):
    alpha, beta, gamma, delta = map(mp.mpf, (alpha, beta, gamma, delta))
    B = mp.beta
    L = B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n) / B(gamma, delta)
    for i in range(0, n - tx):
        L += B(alpha + x, beta + tx - x + i) / B(alpha, beta) * B(gamma + 1, delta + tx + i) / B(gamma, delta)
    alive = B(alpha + x, beta + n - x) / B(alpha, beta) * B(gamma, delta + n + 1) / B(gamma, delta) / L
    G = mp.gamma
    expected = (
        B(alpha + x + 1, beta + n - x) / B(alpha, beta)
        * delta / (gamma - 1) * G(gamma + delta) / G(1 + delta)
        * (G(1 + delta + n) / G(gamma + delta + n) - G(1 + delta + n + n_star) / G(gamma + delta + n + n_star))
        / L
    )
    return float(alive), float(expected)


CDNOW = dict(r=0.243, alpha=4.414, a=0.793, b=2.426)
BG_NBD_CUSTOMERS = [(2, 30.43, 38.86), (0, 0, 38.86), (26, 30.86, 31), (1, 2.5, 10), (7, 7, 7)]
BG_NBD_T = 39
DONORS = dict(alpha=1.204, beta=0.75, gamma=0.657, delta=2.783)
BG_BB_CUSTOMERS = [(6, 6, 6), (0, 0, 6), (3, 5, 6), (1, 1, 6), (2, 4, 6)]
BG_BB_T = 5

# Poisson-gamma: m customers with x purchases in T; each next-t count is NB(r + x, q),
# q = (alpha + T)/(alpha + T + t); the total of m independent counts is NB(m (r + x), q).
POISSON_GAMMA = dict(r=1.5, alpha=4.0, x=2, T=10.0, t=6.0, m=40)
pg = POISSON_GAMMA
q = (pg["alpha"] + pg["T"]) / (pg["alpha"] + pg["T"] + pg["t"])
total = nbinom(pg["m"] * (pg["r"] + pg["x"]), q)

out = {
    "bgNbd": {
        "params": CDNOW,
        "t": BG_NBD_T,
        "customers": [dict(frequency=x, recency=tx, T=T) for x, tx, T in BG_NBD_CUSTOMERS],
        "values": [bg_nbd(**CDNOW, x=x, tx=tx, T=T, t=BG_NBD_T) for x, tx, T in BG_NBD_CUSTOMERS],
    },
    "bgBb": {
        "params": DONORS,
        "t": BG_BB_T,
        "customers": [dict(frequency=x, recency=tx, periods=n) for x, tx, n in BG_BB_CUSTOMERS],
        "values": [bg_bb(**DONORS, x=x, tx=tx, n=n, n_star=BG_BB_T) for x, tx, n in BG_BB_CUSTOMERS],
    },
    "poissonGamma": {
        **POISSON_GAMMA,
        # P(total <= k) brackets for the 5% and 95% quantiles: ppf at 3%, 5%, 7%, 93%, 95%, 97%.
        "ppf": {str(p): float(total.ppf(p)) for p in (0.03, 0.05, 0.07, 0.93, 0.95, 0.97)},
        "mean": float(total.mean()),
    },
}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "predict-transactions-reference.json"), "w") as f:
    json.dump(out, f, indent=2)
    f.write("\n")
