"""Independent 60-digit reference values for the BG/NBD predictions at extreme parameters.

Run: python3 test/clv/reference/bg_nbd_extreme_reference.py > test/clv/reference/bg-nbd-extreme-reference.json

Every parameter in [e^-30, e^30] (the range the fitters can return), customers from x = 0 to
x = 10,000, t from 1e-6 to 1e9. Computed with mpmath at mp.dps = 60 straight from the closed forms
of Fader, Hardie & Lee (2005), without the transformations used in src/:
  E[X(t)]          eq. 9:  (a+b-1)/(a-1) [1 - (alpha/(alpha+t))^r 2F1(r, b; a+b-1; t/(alpha+t))]
  E[Y(t)|x,tx,T]   eq. 10: (a+b+x-1)/(a-1) [1 - ((alpha+T)/(alpha+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))]
                           / (1 + [x>0] a/(b+x-1) ((alpha+T)/(alpha+tx))^(r+x))
  P(X(t) = n)      eq. 8
Each expectation is computed twice, at 60 and 80 digits; where these disagree (eq. 10 cancels
heavily for huge b), hyp2f1 does not converge within 20,000 terms (huge r) or a = 1 (eq. 9/10 is
0/0), both are the beta integral E_p[(1 - (1 + p t/u)^-R)/p] (p ~ Beta(a, b+x))
by mp.quad, at 40 and 50 digits. A point where the two disagree beyond 1e-15 relative is left out
(reported on stderr): mp.quad does not resolve every beta with a or b + x near e^-30.

Also: the BG/NBD log-likelihood of CDNOW with some recencies rounded to 0 (rows with
frequency >= 1 and recency 0), from the formula `lifetimes` (BetaGeoFitter._negative_log_likelihood)
publishes, maximised from lifetimes' start (all parameters 1) with scipy; see 'recencyZero'.
"""
import os, sys, csv, json, time
import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, betaln

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '')
E30, F30 = mp.e ** -30, mp.e ** 30


def cond_closed(r, al, a, b, x, tx, T, t):
    r, al, a, b, tx, T, t = map(mp.mpf, (r, al, a, b, tx, T, t))
    u = al + T
    if a == 1:
        return None
    num = (a + b + x - 1) / (a - 1) * (1 - (u / (u + t)) ** (r + x) * mp.hyp2f1(r + x, b + x, a + b + x - 1, t / (u + t), maxterms=20000))
    den = 1 + (a / (b + x - 1) * (u / (al + tx)) ** (r + x) if x > 0 else 0)
    return num / den


def cond_quad(r, al, a, b, x, tx, T, t):
    r, al, a, b, tx, T, t = map(mp.mpf, (r, al, a, b, tx, T, t))
    u = al + T
    R, B = r + x, b + x
    s = t / u
    g = lambda p: -mp.expm1(-R * mp.log1p(p * s)) / p * p ** (a - 1) * (1 - p) ** (B - 1)
    mean = a / (a + B)
    cand = [1 / s, 1 / (R * s), mp.mpf('0.5')] + [mean * mp.mpf(10) ** k for k in range(-3, 4)]
    pts = sorted(set([mp.mpf(0), mp.mpf(1)] + [p for p in cand if 0 < p < 1]))
    alive = 1 / (1 + (a / (B - 1) * (u / (al + tx)) ** R if x > 0 else 0))
    return alive * mp.quad(g, pts, maxdegree=10) / mp.beta(a, B)


def closed_or_none(*args):
    try:
        v = cond_closed(*args)
    except mp.libmp.libhyper.NoConvergence:
        return None
    return v if v is not None and mp.isfinite(v) else None


def cond(*args):
    """eq. 10 at two precisions (raised until they agree) where mpmath's hyp2f1 converges; else the beta integral."""
    t0 = time.time()
    v = w = None
    with mp.workdps(60):
        v = closed_or_none(*args)
    with mp.workdps(80):
        w = closed_or_none(*args)
    if v is None or w is None or abs(v - w) > mp.mpf('1e-17') * abs(w):
        with mp.workdps(40):
            v = cond_quad(*args)
        with mp.workdps(50):
            w = cond_quad(*args)
    print(f'{args}: {float(w)} ({time.time() - t0:.1f} s)', file=sys.stderr)
    if abs(v - w) > mp.mpf('1e-15') * abs(w):
        print(f'  left out: the two evaluations disagree ({v} vs {w})', file=sys.stderr)
        return None
    return w


def p_n(r, al, a, b, n, t):
    with mp.workdps(60):
        r, al, a, b, t = map(mp.mpf, (r, al, a, b, t))
        q = al / (al + t); z = t / (al + t)
        nb = lambda j: mp.exp(mp.loggamma(r + j) - mp.loggamma(r) - mp.loggamma(j + 1) + r * mp.log(q) + j * mp.log(z))
        first = mp.exp(mp.log(mp.beta(a, b + n)) - mp.log(mp.beta(a, b))) * nb(n)
        if n == 0:
            return first
        return first + mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * (1 - mp.fsum(nb(j) for j in range(n)))


def f(v):
    return float(v)


out = {}
# (r, alpha, a, b, t): the table, then corners and edges of [e^-30, e^30].
E, F = f(E30), f(F30)
expected_cases = [
    (80, 10, 2, 1, 600), (120, 10, 2, 3, 600), (1e6, 1e5, 3, 5, 52), (1, 1, 1026, 1, 1),
    (73.8, 1, 2, 1, 57), (1e9, 1e9, 0.5, 2, 10), (1e6, 10, 0.8, 3, 1), (245.5, 1, 2, 1, 1),
    (E, E, E, E, 1), (F, F, F, F, 1), (F, E, 2, F, 1e-6), (E, F, F, E, 1e9), (F, 1, 0.5, 0.5, 5), (1, 1, F, 0.5, 3),
    (F, F, 0.3, 7, 52), (F, 1, 3, 5, 1e-3), (0.5, E, 2, 3, 1), (0.5, E, 0.5, 0.5, 1e-3),
    (F, F, 1, 1, 10), (2, 1, 1, 3, 100), (1e4, 100, 50, 30, 52), (1e4, 100, 0.02, 0.05, 52), (1e12, 1e10, 1e8, 1e8, 20),
]
out['expected'] = [[list(map(float, c[:4])), float(c[4]), f(v)] for c in expected_cases for v in [cond(*c[:4], 0, 0, 0, c[4])] if v is not None]
# (r, alpha, a, b, x, tx, T, t)
cond_cases = [
    (245.5, 1, 2, 1, 3, 1, 1, 1), (73.8, 1, 2, 1, 10, 30, 40, 57), (80, 10, 2, 1, 5, 20, 20, 600), (1e6, 1e5, 3, 5, 7, 30, 39, 52),
    (1, 1, 1026, 1, 4, 2, 3, 1), (F, F, F, F, 10000, 38, 39, 10), (E, E, E, E, 10000, 38.86, 38.86, 52), (E, E, E, E, 1, 0, 39, 52),
    (F, E, 0.5, 2, 3, 0, 10, 5), (0.243, 4.414, 0.793, 2.426, 3, 0, 38.86, 39), (0.243, 4.414, 0.793, 2.426, 1, 0, 0.01, 39),
    (0.243, 4.414, 0.793, 2.426, 2, 0, 0, 39), (E, 1, 0.5, 0.5, 0, 0, 1e-6, 1e9), (5, F, 2, 2, 100, 1e3, 1e4, 1e6),
    (1e4, 100, 0.02, 0.05, 200, 1, 2, 52), (3, 0.5, F, E, 2, 1, 2, 3), (E, 2, E, F, 10000, 5, 5, 1e-6),
]
out['conditional'] = [[list(map(float, c[:4])), list(map(float, c[4:7])), float(c[7]), f(v)] for c in cond_cases for v in [cond(*c)] if v is not None]
# (r, alpha, a, b, n, t)
count_cases = [
    (1e6, 1e5, 3, 5, 0, 52), (1e6, 1e5, 3, 5, 1, 52), (1e6, 1e5, 3, 5, 520, 52), (1e6, 1e5, 3, 5, 3, 52),
    (F, F, 2, 3, 1, 1), (F, F, 2, 3, 0, 1), (1e9, 1e9, 1e9, 1e9, 5, 10), (E, 1, 0.5, 0.5, 1, 1e6), (E, 1, 0.5, 0.5, 0, 1e6),
    (0.01, 1, 1, 1, 100, 1e4), (80, 10, 2, 1, 4800, 600), (80, 10, 2, 1, 2, 600), (2, 1, 1026, 1, 0, 1), (2, 1, 1026, 1, 1, 1),
]
out['count'] = [[list(map(float, c[:4])), c[4], float(c[5]), f(p_n(*c))] for c in count_cases]

# --- CDNOW with recencies rounded to 0: lifetimes' BetaGeoFitter log-likelihood ---
rows = list(csv.DictReader(open(DATA + 'cdnow_customers_summary.csv')))
X = np.array([float(r['frequency']) for r in rows]); TX = np.array([float(r['recency']) for r in rows]); TT = np.array([float(r['T']) for r in rows])
# Round the recency of the first 5 repeat buyers whose recency is below 1 week to 0.
zeroed = [i for i in range(len(X)) if X[i] > 0 and TX[i] < 1][:5]
TX0 = TX.copy(); TX0[zeroed] = 0


def lifetimes_ll(log_params, x, tx, T):
    # lifetimes/fitters/beta_geo_fitter.py, _negative_log_likelihood (version 0.11), sign flipped, summed.
    r, alpha, a, b = np.exp(log_params)
    A_1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A_3 = -(r + x) * np.log(alpha + T)
    A_4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(tx + alpha)
    max_A_3_A_4 = np.maximum(A_3, A_4)
    penalizer_term = 0
    return np.sum(A_1 + A_2 + np.log(np.exp(A_3 - max_A_3_A_4) + np.exp(A_4 - max_A_3_A_4) * (x > 0)) + max_A_3_A_4) - penalizer_term


res = minimize(lambda lp: -lifetimes_ll(lp, X, TX0, TT), np.zeros(4), method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
res = minimize(lambda lp: -lifetimes_ll(lp, X, TX0, TT), res.x, method='BFGS', options={'gtol': 1e-9})
with mp.workdps(40):
    def mp_ll(r, al, a, b):
        tot = mp.mpf(0)
        for x, tx, T in zip(X, TX0, TT):
            x = int(x); tx = mp.mpf(repr(float(tx))); T = mp.mpf(repr(float(T)))
            A1 = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
            A2 = mp.loggamma(a + b) + mp.loggamma(b + x) - mp.loggamma(b) - mp.loggamma(a + b + x)
            A3 = -(r + x) * mp.log(al + T)
            if x > 0:
                A4 = mp.log(a) - mp.log(b + x - 1) - (r + x) * mp.log(al + tx)
                tot += A1 + A2 + mp.log(mp.exp(A3) + mp.exp(A4))
            else:
                tot += A1 + A2 + A3
        return tot
    est = [mp.mpf(v) for v in np.exp(res.x)]
    m = 2 * int(np.sum(X > 0)) / int(np.sum(X[zeroed]))
    out['recencyZero'] = {
        'rows': zeroed,
        'params': [f(v) for v in est],
        'logLikelihood': f(mp_ll(*est)),
        # The likelihood is unbounded: each repeat buyer contributes ~ln r as r -> 0, each zero-recency
        # row ~ -x ln alpha, so along alpha = r^m with m = 2 (number of repeat buyers)/(sum of x over
        # the zero-recency rows) it grows without bound (alpha far below the double range).
        'exponent': m,
        'logLikelihoodNearBoundary': [[v, f(mp_ll(mp.mpf(v), mp.mpf(v) ** m, est[2], est[3]))] for v in ('1e-2', '1e-4', '1e-8')],
    }
json.dump(out, sys.stdout, indent=1)
