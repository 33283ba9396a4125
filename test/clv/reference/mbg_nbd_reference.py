"""Independent reference values for the MBG/NBD tests (mpmath, 40-80 digits; scipy for the fit).

Run: python3 test/clv/reference/mbg_nbd_reference.py > test/clv/reference/mbg-nbd-reference.json

MBG/NBD: Batislam, Denizel & Filiztekin (2007), IJRM 24(3), 201-209 (BTYDplus `mbgcnbd` with k = 1).
lambda ~ Gamma(r, alpha); p ~ Beta(a, b); the customer may drop out with probability p right after
the first purchase (time 0) and after every repeat purchase. Formulas straight from the paper,
without the transformations used in src/:
  L(x, tx, T)        B(a, b+x+1)/B(a, b) G(r+x) a^r/(G(r)(al+T)^(r+x)) + B(a+1, b+x)/B(a, b) G(r+x) al^r/(G(r)(al+tx)^(r+x))
  E[X(t)]            b/(a-1) [1 - (al/(al+t))^r 2F1(r, b+1; a+b; t/(al+t))], or the beta integral
                     E_p[(1-p)(1 - (al/(al+pt))^r)/p], p ~ Beta(a, b), where a = 1 or hyp2f1 fails
  P(alive|x,tx,T)    1 / (1 + a/(b+x) ((al+T)/(al+tx))^(r+x))
  E[Y(t)|x,tx,T]     (a+b+x)/(a-1) [1 - ((al+T)/(al+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; t/(al+T+t))] P(alive)
                     (or the beta integral over p ~ Beta(a, b+x+1))
  P(X(t) = n)        B(a, b+n+1)/B(a, b) NB(n) + B(a+1, b+n)/B(a, b) [1 - sum_{j<n} NB(j)]
  P(alive at T+t)    P(alive) 2F1(r+x, a; a+b+x+1; -t/(al+T)) (= E[exp(-lambda p t)] over the posterior)
  P(Y(t) = n | ...)  [n=0](1 - P(alive)) + P(alive) int_0^1 Beta(p; a, b+x+1) Q(n | p) dp, with
                     Q(n|p) = (1-p)^n NB(n; r+x, u/(u+t)) + [n>0] p (1-p)^(n-1) [1 - sum_{j<n} NB(j)], u = al+T
  DERT (20/25 dps)   P(alive) int_0^1 Beta(p; a, b+x+1) (R/p) e^y E_{R+1}(y) dp,  y = delta u / p, R = r+x
                     (E[lambda/(delta + lambda p)] over lambda ~ Gamma(R, u), by mpmath.expint)
The CDNOW fit: scipy Nelder-Mead on the same likelihood (numpy), restarted to convergence.
"""
import os, sys, csv, json, time
import mpmath as mp
import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '')
E30, F30 = mp.e ** -30, mp.e ** 30
E, F = float(E30), float(F30)


def M(*v):
    return [mp.mpf(x) for x in v]


def ll_row(r, al, a, b, x, tx, T):
    r, al, a, b, tx, T = M(r, al, a, b, tx, T)
    A1 = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
    lb = mp.log(mp.beta(a, b))
    t3 = mp.log(mp.beta(a, b + x + 1)) - lb - (r + x) * mp.log(al + T)
    t4 = mp.log(mp.beta(a + 1, b + x)) - lb - (r + x) * mp.log(al + tx)
    return A1 + mp.log(mp.exp(t3) + mp.exp(t4))


def p_alive(r, al, a, b, x, tx, T):
    r, al, a, b, tx, T = M(r, al, a, b, tx, T)
    return 1 / (1 + a / (b + x) * ((al + T) / (al + tx)) ** (r + x))


def beta_points(a, B, extra):
    mean = a / (a + B)
    cand = list(extra) + [mp.mpf('0.5')] + [mean * mp.mpf(10) ** k for k in range(-3, 4)]
    return sorted(set([mp.mpf(0), mp.mpf(1)] + [p for p in cand if 0 < p < 1]))


def beta_quad(g, a, B, extra=()):
    """E[g(p)], p ~ Beta(a, B), by mp.quad with the density in log form (in w = p^a when a < 1,
    which removes the singularity of the density at 0)."""
    lb = mp.log(mp.beta(a, B))
    if a < 1:
        pts = sorted(set([mp.mpf(0), mp.mpf(1)] + [p ** a for p in beta_points(a, B, extra) if 0 < p < 1]))
        h = lambda w: g(w ** (1 / a)) * mp.exp((B - 1) * mp.log1p(-w ** (1 / a)) - lb) / a if w < 1 else mp.mpf(0)
        return mp.quad(h, pts, maxdegree=10)
    h = lambda p: g(p) * mp.exp((a - 1) * mp.log(p) + (B - 1) * mp.log1p(-p) - lb)
    return mp.quad(h, beta_points(a, B, extra), maxdegree=10)


def cond_closed(r, al, a, b, x, tx, T, t):
    r, al, a, b, tx, T, t = M(r, al, a, b, tx, T, t)
    if a == 1:
        return None
    u = al + T
    num = (a + b + x) / (a - 1) * (1 - (u / (u + t)) ** (r + x) * mp.hyp2f1(r + x, b + x + 1, a + b + x, t / (u + t), maxterms=20000))
    return num * p_alive(r, al, a, b, x, tx, T)


def cond_quad(r, al, a, b, x, tx, T, t):
    r, al, a, b, tx, T, t = M(r, al, a, b, tx, T, t)
    u = al + T
    R, B, s = r + x, b + x + 1, t / u
    g = lambda p: -mp.expm1(-R * mp.log1p(p * s)) / p
    return p_alive(r, al, a, b, x, tx, T) * beta_quad(g, a, B, [1 / s, 1 / (R * s)])


def twice(fn_hi, fn_lo, args, tol='1e-15'):
    """fn at two precisions; None if they disagree."""
    with mp.workdps(60):
        v = fn_lo(*args)
    with mp.workdps(80):
        w = fn_hi(*args)
    if v is None or w is None or not mp.isfinite(w) or abs(v - w) > mp.mpf(tol) * abs(w):
        return None
    return w


def closed_or_none(*args):
    try:
        v = cond_closed(*args)
    except mp.libmp.libhyper.NoConvergence:
        return None
    return v if v is not None and mp.isfinite(v) else None


def cond(*args):
    t0 = time.time()
    v = twice(closed_or_none, closed_or_none, args, '1e-17')
    if v is None:
        with mp.workdps(40):
            v1 = cond_quad(*args)
        with mp.workdps(50):
            v = cond_quad(*args)
        if abs(v1 - v) > mp.mpf('1e-15') * abs(v):
            print(f'  left out {args}: {v1} vs {v}', file=sys.stderr)
            return None
    print(f'cond {args}: {float(v)} ({time.time() - t0:.1f} s)', file=sys.stderr)
    return v


def pmf(r, al, a, b, n, t):
    with mp.workdps(60):
        r, al, a, b, t = M(r, al, a, b, t)
        q = al / (al + t); z = t / (al + t)
        nb = lambda j: mp.exp(mp.loggamma(r + j) - mp.loggamma(r) - mp.loggamma(j + 1) + r * mp.log(q) + j * mp.log(z))
        lb = mp.log(mp.beta(a, b))
        first = mp.exp(mp.log(mp.beta(a, b + n + 1)) - lb) * nb(n)
        return first + mp.exp(mp.log(mp.beta(a + 1, b + n)) - lb) * (1 - mp.fsum(nb(j) for j in range(n)))


def alive_at(r, al, a, b, x, tx, T, t):
    def closed(*c):
        r, al, a, b, tx, T, t = M(*c[:4], c[5], c[6], c[7])
        R, B, u = r + x, b + x + 1, al + T
        return p_alive(r, al, a, b, x, tx, T) * mp.hyp2f1(R, a, a + B, -t / u)
    def quad(*c):
        r, al, a, b, tx, T, t = M(*c[:4], c[5], c[6], c[7])
        R, B, u = r + x, b + x + 1, al + T
        s = t / u
        return p_alive(r, al, a, b, x, tx, T) * beta_quad(lambda p: mp.exp(-R * mp.log1p(p * s)), a, B, [1 / s, 1 / (R * s)])
    args = (r, al, a, b, x, tx, T, t)
    if t == 0:
        with mp.workdps(60):
            return p_alive(r, al, a, b, x, tx, T)
    def closed_or_none(*c):
        try:
            return closed(*c)
        except mp.libmp.libhyper.NoConvergence:
            return None
    v = twice(closed_or_none, closed_or_none, args, '1e-17')
    with mp.workdps(40):
        w1 = quad(*args)
    with mp.workdps(50):
        w = quad(*args)
    if v is None:
        if abs(w1 - w) > mp.mpf('1e-15') * abs(w):
            print(f'  alive_at left out {args}: quad {w1} vs {w}', file=sys.stderr)
            return None
        return w
    if abs(v - w) > mp.mpf('1e-12') * abs(v):
        print(f'  alive_at {args}: closed {v} quad {w}', file=sys.stderr)
        return None
    return v


def cond_pmf(r, al, a, b, x, tx, T, n, t):
    with mp.workdps(40):
        r, al, a, b, tx, T, t = M(r, al, a, b, tx, T, t)
        R, B, u = r + x, b + x + 1, al + T
        q = u / (u + t); z = t / (u + t)
        nb = lambda j: mp.exp(mp.loggamma(R + j) - mp.loggamma(R) - mp.loggamma(j + 1) + R * mp.log(q) + j * mp.log(z))
        tail = 1 - mp.fsum(nb(j) for j in range(n))
        Q = lambda p: (1 - p) ** n * nb(n) + (p * (1 - p) ** (n - 1) * tail if n > 0 else 0)
        pa = p_alive(r, al, a, b, x, tx, T)
        return (1 - pa if n == 0 else 0) + pa * beta_quad(Q, a, B)


def dert(r, al, a, b, x, tx, T, delta):
    def one():
        rr, aal, aa, bb, ttx, TT, d = M(r, al, a, b, tx, T, delta)
        R, B, u = rr + x, bb + x + 1, aal + TT
        h = lambda p: R / p * mp.exp(d * u / p) * mp.expint(R + 1, d * u / p)
        return p_alive(rr, aal, aa, bb, x, ttx, TT) * beta_quad(h, aa, B, [d * u, d * u / R])
    with mp.workdps(20):
        v = one()
    with mp.workdps(25):
        w = one()
    if abs(v - w) > mp.mpf('1e-12') * abs(w):
        print(f'  dert left out {(r, al, a, b, x, tx, T, delta)}: {v} vs {w}', file=sys.stderr)
        return None
    return w


out = {}

# --- the CDNOW fit, independently ---
rows = list(csv.DictReader(open(DATA + 'cdnow_customers_summary.csv')))
X = np.array([float(r['frequency']) for r in rows]); TX = np.array([float(r['recency']) for r in rows]); TT = np.array([float(r['T']) for r in rows])


def nll(lp):
    r, al, a, b = np.exp(lp)
    A1 = gammaln(r + X) - gammaln(r) + r * np.log(al)
    lb = gammaln(a) + gammaln(b) - gammaln(a + b)
    t3 = gammaln(a) + gammaln(b + X + 1) - gammaln(a + b + X + 1) - lb - (r + X) * np.log(al + TT)
    t4 = gammaln(a + 1) + gammaln(b + X) - gammaln(a + b + X + 1) - lb - (r + X) * np.log(al + TX)
    return -np.sum(A1 + np.logaddexp(t3, t4))


res = minimize(nll, np.zeros(4), method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
for _ in range(3):
    res = minimize(nll, res.x, method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 40000, 'maxfev': 80000})
est = [float(v) for v in np.exp(res.x)]
groups = {}
for x, tx, T in zip(X, TX, TT):
    groups[(int(x), tx, T)] = groups.get((int(x), tx, T), 0) + 1
with mp.workdps(30):
    ll_at = lambda p: float(mp.fsum(w * ll_row(*p, x, mp.mpf(str(tx)), mp.mpf(str(T))) for (x, tx, T), w in groups.items()))
    out['cdnowFit'] = {'params': est, 'logLikelihood': ll_at(est)}
    published = [0.525, 6.183, 0.891, 1.614]
    out['cdnowPublished'] = {'params': published, 'logLikelihood': ll_at(published)}
    out['perCustomer'] = [[list(map(float, p)), [x, tx, T], float(ll_row(*p, x, tx, T))] for p in [published, [E, F, 2, 0.5], [F, F, 0.3, E]] for (x, tx, T) in [(0, 0, 38.86), (2, 30.43, 38.86), (1, 0, 20), (10000, 38, 39)]]
print(f'fit {est} ll {out["cdnowFit"]["logLikelihood"]}', file=sys.stderr)

C = [0.525, 6.183, 0.891, 1.614]
# E[X(t)] = E[Y(t) | 0, 0, 0]
exp_cases = [(C, 1), (C, 39), (C, 78), ([0.5, 3, 1, 2], 20), ([2, 10, 3, 0.5], 100), ([E, E, E, E], 1), ([F, F, F, F], 1),
             ([F, 1, 0.5, 0.5], 5), ([0.5, E, 2, 3], 1), ([1e4, 100, 50, 30], 52), ([E, F, F, E], 1e9), ([1, 1, F, 0.5], 3)]
out['expected'] = [[p, t, float(v)] for p, t in exp_cases for v in [cond(*p, 0, 0, 0, t)] if v is not None]
hist = [(0, 0, 38.86), (2, 30.43, 38.86), (1, 1.71, 38.86), (0, 0, 0), (10000, 38, 39), (3, 0, 10)]
cond_cases = [(C, h, t) for h in hist for t in (1, 39)] + [
    ([F, F, F, F], (10000, 38, 39), 10), ([E, E, E, E], (1, 0, 39), 52), ([F, E, 0.5, 2], (3, 0, 10), 5), ([E, 1, 0.5, 0.5], (0, 0, 1e-6), 1e9),
    ([5, F, 2, 2], (100, 1e3, 1e4), 1e6), ([3, 0.5, F, E], (2, 1, 2), 3), ([E, 2, E, F], (10000, 5, 5), 1e-6),
]
out['conditional'] = [[p, list(h), t, float(v)] for p, h, t in cond_cases for v in [cond(*p, *h, t)] if v is not None]
with mp.workdps(60):
    out['alive'] = [[p, list(h), float(p_alive(*p, *h))] for p, h, _ in cond_cases]
alive_cases = [(C, h, t) for h in hist[:4] for t in (0, 1, 39, 520)] + [
    ([F, 1, 0.5, 0.5], (5, 3, 10), 1e-3), ([0.5, E, 2, 3], (0, 0, 1), 1), ([E, F, F, E], (2, 1, 2), 1e9),
]
out['aliveAt'] = [[p, list(h), t, float(v)] for p, h, t in alive_cases for v in [alive_at(*p, *h, t)] if v is not None]
pmf_cases = [(C, n, t) for n in (0, 1, 2, 5, 20) for t in (1, 39, 520)] + [
    ([1e6, 1e5, 3, 5], n, 52) for n in (0, 1, 3, 520)] + [([E, 1, 0.5, 0.5], n, 10) for n in (0, 1, 2)] + [([F, F, 0.3, 7], 2, 52), ([0.5, E, 2, 3], 4, 1e-3), ([2, F, E, F], 0, 1e9)]
print('alive done', file=sys.stderr)
out['count'] = [[p, n, t, float(pmf(*p, n, t))] for p, n, t in pmf_cases]
cpmf_cases = [(C, h, n, t) for h in hist[:4] for n in (0, 1, 3) for t in (39,)] + [
    ([2, 10, 3, 0.5], (5, 20, 30), 2, 52), ([1e4, 100, 50, 30], (200, 1, 2), 0, 52), ([0.5, 3, 0.05, 2], (1, 0, 5), 1, 10)]  # (mp.quad does not resolve a beta with a near e^-30)
print('count done', file=sys.stderr)
out['conditionalCount'] = [[p, list(h), n, t, float(cond_pmf(*p, *h, n, t))] for p, h, n, t in cpmf_cases]
d52 = float(mp.log(mp.mpf('1.15')) / 52)
dert_cases = [(C, h, d) for h in hist[:4] for d in (d52, 0.1)] + [
    ([2, 10, 3, 0.5], (5, 20, 30), d52), ([0.5, 3, 0.3, 0.4], (1, 0, 5), 0.001), ([0.5, 3, 1, 2], (3, 2, 6), d52),
    ([E, 1, 0.5, 0.5], (0, 0, 1), 0.01), ([0.5, 3, 2, 1e6], (3, 2, 6), 0.05)]
print('conditional count done', file=sys.stderr)
out['dert'] = []
for p, h, d in dert_cases:
    t0 = time.time()
    v = dert(*p, *h, d)
    print(f'dert {p} {h} {d}: {v} ({time.time() - t0:.1f} s)', file=sys.stderr)
    if v is not None:
        out['dert'].append([p, list(h), d, float(v)])
json.dump(out, sys.stdout, indent=1)
