"""Independent reference for the sBG check of logRankTest (python3, plain floats + scipy).

Run: python3 test/retention/reference/log_rank_projection_reference.py > test/retention/reference/log-rank-projection-reference.json

One-sample log-rank test in discrete time (Breslow 1975; Finkelstein, Muzikansky & Schoenfeld
2003): subject by subject, the sBG hazard h(t) = S(t-1)/S(t-1) - S(t)/S(t-1) with S from the
beta function (scipy.special.betaln, Fader & Hardie 2007 eq. 3), summed over the renewals
t = 1..time each subject was at risk (the Kaplan-Meier risk set: time >= t).
"""
import json, math
import numpy as np
from scipy.special import betaln
from scipy.stats import chi2

alpha, beta = 0.9, 2.4
rng = np.random.default_rng(2007)


def S(t):
    return math.exp(betaln(alpha, beta + t) - betaln(alpha, beta))


def h(t):
    return 1 - S(t) / S(t - 1)


groups = []
for name, a, b, n in [('search', 0.9, 2.4, 60), ('social', 1.3, 1.6, 45), ('partner', 0.6, 3.0, 30)]:
    theta = rng.beta(a, b, size=n)
    life = rng.geometric(theta)  # lost at renewal 1, 2, ...
    cens = rng.integers(1, 13, size=n)
    time = np.minimum(life, cens)
    status = (life <= cens).astype(int)
    o = int(status.sum())
    e = 0.0
    v = 0.0
    for ti in time:
        for t in range(1, int(ti) + 1):
            e += h(t)
            v += h(t) * (1 - h(t))
    x = (o - e) ** 2 / v
    groups.append({'name': name, 'time': time.tolist(), 'status': status.tolist(), 'observed': o, 'expected': e,
                   'variance': v, 'chisq': x, 'p': float(chi2.sf(x, 1))})

print(json.dumps({'alpha': alpha, 'beta': beta, 'groups': groups}, separators=(",", ":")))
