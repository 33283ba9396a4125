"""Independent reference values for the retention tests (python3 + numpy/scipy/mpmath).

Run: python3 test/retention/reference/retention_reference.py > test/retention/reference/retention-reference.json
Everything is computed from the textbook/paper formulas, without the recurrences and
Euler-Maclaurin tails used in src/:
  Kaplan-Meier   Freireich et al. (1963) 6-MP arm, the textbook example of Klein & Moeschberger
                 (2003) Table 4.1A: product-limit, Greenwood, log and log-log bands, median, RMST.
  sBG fit        Fader & Hardie (2007) eqs. (3)-(6): ln L with scipy.special.betaln, maximised by
                 scipy Nelder-Mead on (ln a, ln b); SEs from an mpmath finite-difference Hessian.
  sBG S(t), r(t) mpmath (400 digits): exp(lnB(a, b + t) - lnB(a, b)), (b + t - 1)/(a + b + t - 1).
  E[min(T, H)]   mpmath: (a + b - 1 - (a + b + H - 1) S(H))/(a - 1); b (psi(b + H) - psi(b)) at a = 1.
  DERL           mpmath: the defining series sum S(t)/S(n - 1)/(1 + d)^(t - n), and where it converges
                 the closed form (b + n - 1)/(a + b + n - 1) 2F1(1, b + n; a + b + n; 1/(1 + d)) (FH 2010 eq. 6).
"""
import os, csv, json, math, sys
import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln
from scipy.stats import norm

mp.mp.dps = 60
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '') if len(sys.argv) < 2 else sys.argv[1]
out = {}

# --- Kaplan-Meier: 6-MP arm of Freireich et al. (1963), weeks of remission; 0 = censored.
six_mp = [(6, 1), (6, 1), (6, 1), (6, 0), (7, 1), (9, 0), (10, 1), (10, 0), (11, 0), (13, 1), (16, 1),
          (17, 0), (19, 0), (20, 0), (22, 1), (23, 1), (25, 0), (32, 0), (32, 0), (34, 0), (35, 0)]
z = norm.ppf(0.975)
times = sorted(set(t for t, _ in six_mp))
S, v, steps = 1.0, 0.0, []
for t in times:
    n = sum(1 for u, _ in six_mp if u >= t)
    d = sum(1 for u, e in six_mp if u == t and e == 1)
    c = sum(1 for u, e in six_mp if u == t and e == 0)
    if d:
        S *= 1 - d / n
        v += d / (n * (n - d))
    w = z * math.sqrt(v)
    loglog = (S ** math.exp(-w / math.log(S)), S ** math.exp(w / math.log(S))) if v > 0 else (S, S)
    log = (S * math.exp(-w), min(1.0, S * math.exp(w)))
    steps.append([t, n, d, c, S, S * math.sqrt(v), loglog[0], loglog[1], log[0], log[1]])
area, prev, s = 0.0, 0.0, 1.0
for st in steps:
    area += s * (st[0] - prev)
    prev, s = st[0], st[4]
out['freireich6mp'] = {'data': six_mp, 'steps': steps, 'median': next(st[0] for st in steps if st[4] <= 0.5),
                       'restrictedMean35': area + s * (35 - prev)}

# --- sBG maximum likelihood (Fader & Hardie 2007 eqs. 3-6), scipy betaln on the natural scale.
def sbg_ll(a, b, events, censored):
    """events/censored: dict t -> count (churned at opportunity t; still active after t renewals)."""
    ll = 0.0
    for t, e in events.items():
        ll += e * (betaln(a + 1, b + t - 1) - betaln(a, b))
    for t, c in censored.items():
        ll += c * (betaln(a, b + t) - betaln(a, b))
    return ll

def mp_ll(a, b, events, censored):
    lb = lambda x, y: mp.loggamma(x) + mp.loggamma(y) - mp.loggamma(x + y)
    return sum(e * (lb(a + 1, b + t - 1) - lb(a, b)) for t, e in events.items()) + \
           sum(c * (lb(a, b + t) - lb(a, b)) for t, c in censored.items())

def fit(events, censored):
    f = lambda x: -sbg_ll(math.exp(x[0]), math.exp(x[1]), events, censored)
    r = minimize(f, [0.0, 0.0], method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-13, 'maxiter': 20000})
    a, b = math.exp(r.x[0]), math.exp(r.x[1])
    # Hessian of -ln L on the natural scale, by mpmath central differences.
    A, B = mp.mpf(a), mp.mpf(b)
    h = mp.mpf('1e-12')
    g = lambda x, y: -mp_ll(x, y, events, censored)
    haa = (g(A + h, B) - 2 * g(A, B) + g(A - h, B)) / h**2
    hbb = (g(A, B + h) - 2 * g(A, B) + g(A, B - h)) / h**2
    hab = (g(A + h, B + h) - g(A + h, B - h) - g(A - h, B + h) + g(A - h, B - h)) / (4 * h**2)
    inv = mp.matrix([[haa, hab], [hab, hbb]]) ** -1
    return {'alpha': a, 'beta': b, 'logLikelihood': float(mp_ll(A, B, events, censored)),
            'se': [float(mp.sqrt(inv[0, 0])), float(mp.sqrt(inv[1, 1]))]}

def from_survivors(counts):
    ev = {t: counts[t - 1] - counts[t] for t in range(1, len(counts))}
    return ev, {len(counts) - 1: counts[-1]}

with open(DATA + 'sbg_survival_calibration.csv') as fh:
    rows = list(csv.DictReader(fh))
regular = [round(float(r['regular_pct_alive']) * 10) for r in rows]
high = [round(float(r['highend_pct_alive']) * 10) for r in rows]
out['sbgRegular'] = fit(*from_survivors(regular))
out['sbgHighEnd'] = fit(*from_survivors(high))
# Per-customer records with censoring at different ages: the regular cohort observed 7 years,
# plus the high-end cohort observed only 4 years (its survivors after year 4 are censored at 4).
ev, ce = from_survivors(regular)
ev2, ce2 = from_survivors(high[:5])
mixed_ev = {t: ev.get(t, 0) + ev2.get(t, 0) for t in set(ev) | set(ev2)}
mixed_ce = {t: ce.get(t, 0) + ce2.get(t, 0) for t in set(ce) | set(ce2)}
out['sbgMixed'] = fit(mixed_ev, mixed_ce)
# Retention that falls (0.5, 0.5, 0.48): no heterogeneity fits; the sBG likelihood's supremum is
# the homogeneous geometric one (a, b -> infinity with a/(a + b) = theta), theta = churn / exposures.
falling = [100, 50, 25, 12]
ev, ce = from_survivors(falling)
churn = sum(ev.values())
exposures = sum(t * e for t, e in ev.items()) + sum(t * c for t, c in ce.items())
theta = churn / exposures
out['sbgFallingSupremum'] = {'survivors': falling, 'theta': theta,
                             'logLikelihood': churn * math.log(theta) + (exposures - churn) * math.log(1 - theta)}

# --- sBG predictions in 400 digits: ln Gamma of 1e300 has 303 digits before the point.
mp.mp.dps = 400
def lnS(a, b, t):
    a, b = mp.mpf(a), mp.mpf(b)
    return mp.loggamma(b + t) - mp.loggamma(b) - mp.loggamma(a + b + t) + mp.loggamma(a + b)

grid = [(0.704, 1.182), (0.668, 3.806), (1, 1), (1e-13, 0.5), (0.5, 1e-13), (4e12, 4e12), (1e-300, 1e-300),
        (3e12, 1e-13), (1e-13, 3e12), (1e300, 1e300), (50, 0.05)]
ts = [1, 2, 12, 63, 64, 65, 1000, 123457, 10**9, 10**15]
out['sbgSurvival'] = [[a, b, t, float(mp.exp(lnS(a, b, t)))] for a, b in grid for t in ts]
out['sbgRetentionRate'] = [[a, b, t, float((mp.mpf(b) + (t - 1)) / (mp.mpf(a) + b + (t - 1)))] for a, b in grid for t in [1, 2, 12, 10**9]]

def restricted(a, b, H):
    a, b = mp.mpf(a), mp.mpf(b)
    if a == 1:
        return b * (mp.digamma(b + H) - mp.digamma(b))
    return (a + b - 1 - (a + b + H - 1) * mp.exp(lnS(a, b, H))) / (a - 1)

life_grid = [(0.704, 1.182), (3, 2), (1, 2), (1 + 1e-9, 3), (1 + 1e-6, 3), (1 - 1e-5, 0.5), (1.0005, 1), (0.5, 1e-13),
             (4e12, 4e12), (1e-13, 0.5), (1.5, 0.3), (1e300, 1e300)]
out['sbgRestrictedLifetime'] = [[a, b, H, float(restricted(a, b, H))] for a, b in life_grid for H in [1, 10, 1000, 1025, 300000, 10**12]]

def derl(a, b, d, renewals):
    """The defining series sum_{t >= n} S(t)/S(n - 1)/(1 + d)^(t - n), 60 digits; checked against
    the closed form with mpmath.hyp2f1 where that converges (moderate a, b)."""
    with mp.workdps(60):
        a, b, x = mp.mpf(a), mp.mpf(b), 1 / (1 + mp.mpf(d))
        n = renewals + 1
        term = (b + (n - 1)) / (a + b + (n - 1))  # S(n)/S(n - 1)
        total, t = mp.mpf(0), n
        while term > mp.mpf(10) ** -70 * total or t == n:
            total += term
            term *= (b + t) / (a + b + t) * x
            t += 1
        if max(a, b) < 1e6 and min(a, b) > 1e-6:
            closed = (b + (n - 1)) / (a + b + (n - 1)) * mp.hyp2f1(1, b + n, a + b + n, x)
            assert abs(closed - total) < mp.mpf(10) ** -40 * total, (a, b, d, renewals)
        return total

derl_grid = [(0.704, 1.182, 0.1, 0), (0.704, 1.182, 0.1, 4), (0.668, 3.806, 0.1, 0), (0.668, 3.806, 0.1, 10),
             (1, 1, 0.1, 0), (1e-300, 1e-300, 0.1, 0), (1e300, 1e300, 0.1, 0), (2, 5, 0.2, 3), (0.5, 0.5, 0.15, 10),
             (4e12, 4e12, 0.1, 2), (1e-13, 0.5, 0.1, 0)]
out['sbgDerl'] = [[a, b, d, n, float(derl(a, b, d, n))] for a, b, d, n in derl_grid]

json.dump(out, sys.stdout, indent=1)
print()
