"""Reference values of the sBG DERL over the WHOLE parameter range the fitter can return (alpha, beta
in [e^-30, e^30], LOG_PARAMETER_LIMIT in src/internal/log-scale-fit.ts), renewals from 0 to 100,000,
discount rates from 1e-4 to 1 a period (mpmath).

Run: python3 test/retention/sbg/reference/sbg_derl_extreme_reference.py (writes sbg-derl-extreme-reference.json beside it)

DERL(d | alpha, beta, n) = sum_{t >= n} S(t)/S(n-1) / (1+d)^(t-n),  n = renewals + 1
(Fader & Hardie 2010, "Customer-Base Valuation in a Contractual Setting", Marketing Science 29(1), eq. 6),
evaluated two independent ways:
  closed  r(n) 2F1(1, beta+n; alpha+beta+n; 1/(1+d)), r(n) = (beta+n-1)/(alpha+beta+n-1), by mp.hyp2f1
          at 50 and 70 digits (must agree to 1e-20; at most 5,000 terms)
  series  the defining sum term by term at 40 digits: S(t+1)/S(t) = (beta+t)/(alpha+beta+t) <= 1, so the
          terms fall at least as fast as (1+d)^-k and the tail after a term c is below c/d; summed until
          that bound is below 1e-25 of the sum (at most 3,000,000 terms)
A point is kept where both are computed and agree to 1e-14 ('method' both), or where only one is
(the series where hyp2f1 fails, say): 'method' says which. Points with neither, or a disagreement, are
left out (reported in 'leftOut').

Points: a fixed pseudo-random sample (seed 20261205), alpha, beta log-uniform over [e^-30, e^30] (and over
[e^-5, e^5]), renewals from {0, 1, 2, 5, 30, 1000, 100000}, d log-uniform over [1e-3, 1], plus the corners (d down to 1e-4).
"""
import json, math, os, random
import mpmath as mp

rng = random.Random(20261205)
E, F = float(mp.e ** -30), float(mp.e ** 30)


def closed(alpha, beta, renewals, d):
    n = renewals + 1
    a, b, dd = mp.mpf(alpha), mp.mpf(beta), mp.mpf(d)
    return (b + n - 1) / (a + b + n - 1) * mp.hyp2f1(1, b + n, a + b + n, 1 / (1 + dd), maxterms=5000)


def series(alpha, beta, renewals, d):
    n = renewals + 1
    with mp.workdps(40):
        a, b, dd = mp.mpf(alpha), mp.mpf(beta), mp.mpf(d)
        x = 1 / (1 + dd)
        c = (b + n - 1) / (a + b + n - 1)  # S(n)/S(n-1), undiscounted
        total = c
        t = n
        for _ in range(3000000):
            c *= x * (b + t) / (a + b + t)  # S(t+1)/S(n-1) / (1+d)^(t+1-n)
            total += c
            t += 1
            if c < mp.mpf('1e-25') * dd * total:
                return total
    return None


def both(alpha, beta, renewals, d):
    vals = []
    for dps in (50, 70):
        with mp.workdps(dps):
            try:
                vals.append(closed(alpha, beta, renewals, d))
            except (mp.libmp.libhyper.NoConvergence, ZeroDivisionError):
                vals.append(None)
    v = vals[1] if None not in vals and abs(vals[0] - vals[1]) <= mp.mpf('1e-20') * abs(vals[1]) else None
    w = series(alpha, beta, renewals, d)
    if v is None and w is None:
        return None, None, f'2F1 {vals}, series did not end'
    if v is not None and w is not None and abs(v - w) > mp.mpf('1e-14') * w:
        return None, None, f'2F1 {mp.nstr(v, 20)} and series {mp.nstr(w, 20)} disagree'
    return (v if v is not None else w), ('both' if v is not None and w is not None else '2F1' if v is not None else 'series'), None


def logu(lo=-30.0, hi=30.0):
    return math.exp(rng.uniform(lo, hi))


RENEWALS = [0, 1, 2, 5, 30, 1000, 100000]
CORNERS = [(E, E), (F, F), (E, F), (F, E), (E, 1.0), (1.0, E), (F, 1.0), (1.0, F), (0.704, 1.182)]
cases = [(a, b, n, d) for a, b in CORNERS for n, d in ((0, 0.1), (1, 1.0), (5, 1e-4), (1000, 1e-3), (100000, 0.01))]
cases += [(logu(), logu(), rng.choice(RENEWALS), 10 ** rng.uniform(-3, 0)) for _ in range(60)]
cases += [(logu(-5, 5), logu(-5, 5), rng.choice(RENEWALS), 10 ** rng.uniform(-3, 0)) for _ in range(20)]

rows, left_out = [], []
for alpha, beta, renewals, d in cases:
    v, method, why = both(alpha, beta, renewals, d)
    if v is None:
        left_out.append([alpha, beta, renewals, d, why])
    else:
        rows.append([alpha, beta, renewals, d, float(v), method])
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'sbg-derl-extreme-reference.json'), 'w') as f:
    json.dump({'derl': rows, 'leftOut': left_out}, f, indent=0)
    f.write('\n')
