"""Reference values of the BG/NBD P(alive at T + t) over the WHOLE parameter range the fitters can
return (every parameter in [e^-30, e^30], LOG_PARAMETER_LIMIT in src/internal/log-scale-fit.ts), with
huge and tiny t, T and x (mpmath).

Run: python3 test/clv/reference/bg_nbd_alive_at_extreme_reference.py > test/clv/reference/bg-nbd-alive-at-extreme-reference.json

Formulas straight from Fader, Hardie & Lee (2005, 2008), none of the transformations used in src/:
  P(alive at T)    1 / (1 + [x > 0] a/(b+x-1) ((al+T)/(al+tx))^(r+x))           (FHL 2008 note, eq. 1)
  P(alive at T+t)  P(alive at T) 2F1(r+x, a; a+b+x; -t/(al+T))
                   (given alive at T: lambda ~ Gamma(r+x, al+T), p ~ Beta(a, b+x); alive t later with
                   probability E[e^(-lambda p t)] = E_p[(1 + p t/(al+T))^-(r+x)], Euler's integral of 2F1)
Two independent evaluations of the second factor:
  closed   mp.hyp2f1 at 60 and 80 digits (must agree to 1e-17; at most 2,000 terms)
  integral E_p[(1 + p t/u)^-R] by mp.quad over the beta density in log form (in w = p^a when a < 1),
           break points on the scales of the integrand, at 40 and 50 digits (must agree to 1e-12)
Where both are computed they must agree to 1e-10 (else the point is left out); a point where only one
is computed keeps it and says which ('method'). Left-out points are reported on stderr and in 'leftOut'.
Values are written as doubles with their natural log (for values below 1e-300).

Points: a fixed pseudo-random sample (seed 20261204), log-uniform over [e^-30, e^30] (and over
[e^-5, e^5]), customers with x from 0 to 10,000 (tx = 0 with repeat purchases included), t from
1e-6 to 1e9, plus the corners of the range; 142 points as for the Pareto/NBD.
"""
import json, math, random, sys
import mpmath as mp

rng = random.Random(20261204)
E, F = float(mp.e ** -30), float(mp.e ** 30)
left_out = []


def ln_alive(r, al, a, b, x, tx, T):
    if x == 0:
        return mp.mpf(0)
    log_odds = mp.log(a) - mp.log(b + x - 1) + (r + x) * (mp.log(al + T) - mp.log(al + tx))
    return -mp.log1p(mp.exp(log_odds)) if log_odds < 0 else -log_odds - mp.log1p(mp.exp(-log_odds))


def beta_points(a, B, extra):
    mean = a / (a + B)
    sd = mp.sqrt(a * B / (a + B + 1)) / (a + B)
    cand = [c * mp.mpf(10) ** k for c in extra for k in range(-3, 4)] + [mp.mpf('0.5')] + [mean * mp.mpf(10) ** k for k in range(-3, 4)]
    cand += [mean + k * sd for k in (-100, -30, -10, -3, -1, 1, 3, 10, 30, 100)]  # the peak of a concentrated beta
    return sorted(set([mp.mpf(0), mp.mpf(1)] + [p for p in cand if 0 < p < 1]))


def beta_quad(g, a, B, extra=()):
    """E[g(p)], p ~ Beta(a, B), by mp.quad with the density in log form (in w = p^a when a < 1)."""
    lb = mp.log(mp.beta(a, B))
    if a < 1:
        pts = sorted(set([mp.mpf(0), mp.mpf(1)] + [p ** a for p in beta_points(a, B, extra) if 0 < p < 1]))
        h = lambda w: g(w ** (1 / a)) * mp.exp((B - 1) * mp.log1p(-w ** (1 / a)) - lb) / a if w < 1 else mp.mpf(0)
        return mp.quad(h, pts, maxdegree=10)
    h = lambda p: g(p) * mp.exp((a - 1) * mp.log(p) + (B - 1) * mp.log1p(-p) - lb)
    return mp.quad(h, beta_points(a, B, extra), maxdegree=10)


def closed(R, u, a, B, t):
    return mp.hyp2f1(R, a, a + B, -t / u, maxterms=2000)


def integral(R, u, a, B, t):
    s = t / u
    return beta_quad(lambda p: mp.exp(-R * mp.log1p(p * s)), a, B, [1 / s, 1 / (R * s)])


def two(fn, args, lo, hi, tol):
    """fn at two precisions (arguments converted at each); None where either fails or they disagree beyond tol."""
    vals = []
    for dps in (lo, hi):
        with mp.workdps(dps):
            try:
                v = fn(*[mp.mpf(c) for c in args])
            except (mp.libmp.libhyper.NoConvergence, ValueError, ZeroDivisionError, OverflowError):
                return None, 'fails'
            if not (mp.isfinite(v) and v > 0):
                return None, f'not a positive number: {v}'
            vals.append(v)
    v, w = vals
    if abs(v - w) > mp.mpf(tol) * w:
        return None, f'{lo}/{hi} digits disagree: {mp.nstr(v, 15)} {mp.nstr(w, 15)}'
    return w, None


def alive_at(r, al, a, b, x, tx, T, t):
    args = (r + x, al + T, a, b + x, t)
    v, why_v = two(closed, args, 60, 80, '1e-17')
    w, why_w = two(integral, args, 40, 50, '1e-12')
    if v is None and w is None:
        return None, None, f'2F1: {why_v}; integral: {why_w}'
    if v is not None and w is not None and abs(v - w) > mp.mpf('1e-10') * v:
        return None, None, f'2F1 {mp.nstr(v, 15)} and integral {mp.nstr(w, 15)} disagree'
    method = 'both' if v is not None and w is not None else '2F1' if v is not None else 'integral'
    with mp.workdps(60):
        ln = ln_alive(*[mp.mpf(c) for c in (r, al, a, b)], x, mp.mpf(tx), mp.mpf(T)) + mp.log(v if v is not None else w)
    return ln, method, None


def logu(lo=-30.0, hi=30.0):
    return math.exp(rng.uniform(lo, hi))


def customer():
    T = 10 ** rng.uniform(-3, 5)
    x = rng.choice([0, 1, 2, 5, 30, 1000, 10000])
    if x == 0:
        return 0, 0.0, T
    kind = rng.random()
    tx = 0.0 if kind < 0.15 else T if kind < 0.3 else T * (1 - 10 ** rng.uniform(-9, -2)) if kind < 0.45 else T * rng.random()
    return x, tx, T


CORNERS = [[E, E, E, E], [F, F, F, F], [F, E, F, E], [E, F, E, F], [F, F, E, E], [E, E, F, F], [1e9, 1e9, 0.5, 2],
           [0.243, 4.414, F, F], [0.243, 4.414, E, E], [F, F, 0.793, 2.426], [E, E, 0.793, 2.426], [1e8, 1e8, 1e8, 1e10]]
HIST = [(0, 0.0, 38.86), (2, 30.43, 38.86), (10000, 38.0, 39.0), (3, 0.0, 10.0), (1, 1e-3, 1e4), (5, 5.0, 5.0)]
cases = [(p, h, t) for p in CORNERS for h, t in zip(HIST, (1e9, 52, 10, 1e-6, 1e6, 39))]
cases += [([logu() for _ in range(4)], customer(), 10 ** rng.uniform(-6, 9)) for _ in range(50)]
cases += [([logu(-5, 5) for _ in range(4)], customer(), 10 ** rng.uniform(-6, 9)) for _ in range(20)]

out = []
for p, h, t in cases:
    ln, method, why = alive_at(*p, *h, t)
    if ln is None:
        print('left out', p, h, t, why, file=sys.stderr, flush=True)
        left_out.append([p, list(h), t, why])
        continue
    print(p, h, t, method, mp.nstr(ln, 17), file=sys.stderr, flush=True)
    out.append([p, list(h), t, float(mp.exp(ln)), float(ln), method])
json.dump({'aliveAt': out, 'leftOut': left_out}, sys.stdout, indent=0)
print()
