"""Reference values of the MBG/NBD DERT at EXTREME parameters, at the 109 points of
mbg_nbd_extreme_reference.py (same seed, same draws), computed two other ways than there (mpmath).

Run: python3 test/clv/reference/mbg_nbd_dert_extreme_reference.py > test/clv/reference/mbg-nbd-dert-extreme-reference.json

mbg_nbd_extreme_reference.py integrates (R/p) e^y E_{R+1}(y) over the beta posterior of p with mp.expint; that
fails at 78 of its 109 DERT points (expint does not converge where y is near R, the beta is too concentrated
or too spread for its break points). Here, with R = r+x, u = al+T, B = b+x+1 (Batislam, Denizel & Filiztekin
2007; DERT as in Fader, Hardie & Lee 2005, eq. 2):
  DERT = P(alive) D,  P(alive) = 1 / (1 + a/(b+x) ((al+T)/(al+tx))^(r+x))   (in logs, at 60 digits)
  D    = E[lambda/(delta + lambda p)],  lambda ~ Gamma(R, u), p ~ Beta(a, B) independent
(given lambda and p the purchase rate t after T is lambda e^(-lambda p t); its discounted integral is
lambda/(delta + lambda p)). Two orders of integration:
  lambda-outer  D = (R/u) E_{lambda ~ Gamma(R+1, u)}[g(lambda)],  g(lambda) = E_p[1/(delta + lambda p)]
                = 2F1(1, a; a+B; -lambda/delta)/delta: mp.hyp2f1, or where it fails the Pfaff-transformed series
                (1/(delta(1+z))) sum_n prod_{j<n} (B+j)/(a+B+j) w^n, z = lambda/delta, w = z/(1+z), whose
                ratio is below w (tail after a term c below c z; at most 5,000 terms); the gamma expectation by mp.quad in
                s = ln lambda (density in log form, break points at the peak +- multiples of its width)
  p-outer       D = (R/(delta u)) E_p[J(delta u/p)],  J(y) = y e^y E_{R+1}(y) = int_0^inf e^-v (1+v/y)^-(R+1) dv,
                J by its continued fraction (A&S 5.1.22, Lentz) for y >= 1, mp.expint below, 1 - (R+1)/y
                where y > e^40 (R+2) (A&S 5.1.51); the beta
                expectation by mp.quad in s = ln(-ln p) (log-weight concave in s, integrated where it is
                within 800 of its peak)
Both at 30 digits; where both are computed they must agree to 1e-10 ('method' both). Where one fails, the
other is done again at 40 digits and the two precisions must agree to 1e-12 ('method' names it). Else the
point is left out ('leftOut', with the reason). hyp2f1 values outside [1/(delta+lambda), 1/delta] (the bounds of
g) are rejected for the series.
Values are written as doubles with their natural log (P(alive) underflows at some corners).
"""
import json, math, multiprocessing, sys
import random
import mpmath as mp

E30, F30 = mp.e ** -30, mp.e ** 30
E, F = float(E30), float(F30)
rng = random.Random(20261202)
FAILS = (mp.libmp.libhyper.NoConvergence, ValueError, ZeroDivisionError, OverflowError)


def ln_alive(r, al, a, b, x, tx, T):
    with mp.workdps(60):
        r, al, a, b, tx, T = map(mp.mpf, (r, al, a, b, tx, T))
        lo = mp.log(a) - mp.log(b + x) + (r + x) * (mp.log(al + T) - mp.log(al + tx))
        return -mp.log1p(mp.exp(lo)) if lo < 0 else -lo - mp.log1p(mp.exp(-lo))


def g_series(a, B, delta, lam):
    z = lam / delta
    w = z / (1 + z)
    term, total, n = mp.mpf(1), mp.mpf(1), 0
    while term * z >= mp.eps * total:
        term *= w * (B + n) / (a + B + n)
        total += term
        n += 1
        if n > 5000:
            raise ValueError('series too slow')
    return total / (delta * (1 + z))


def g(a, B, delta, lam):
    try:
        v = mp.hyp2f1(1, a, a + B, -lam / delta, maxterms=5000) / delta
        if 1 / (delta + lam) * (1 - mp.mpf('1e-15')) <= v <= 1 / delta * (1 + mp.mpf('1e-15')):
            return v  # else outside the bounds of E_p[1/(delta + lambda p)]: hyp2f1 went wrong (huge a + B)
    except mp.libmp.libhyper.NoConvergence:
        pass
    return g_series(a, B, delta, lam)


def lambda_outer(R, u, a, B, delta):
    k = R + 1
    s0, w = mp.log(k / u), 1 / mp.sqrt(k)
    lg, lu = mp.loggamma(k), mp.log(u)
    f = lambda s: mp.exp(k * (s + lu) - u * mp.exp(s) - lg) * g(a, B, delta, mp.exp(s))
    hi = mp.log((k + 60 * mp.sqrt(k) + 800) / u)  # beyond: the density is below e^-600 of its peak, and g decreases
    pts = {s0 + j * w for j in (-300, -100, -30, -10, -3, -1, 0, 1, 3, 10, 30)}
    pts |= {mp.log(delta * (a + B) / a), mp.log(delta)}  # where g turns over
    pts = sorted(p for p in pts if p < hi)
    return R / u * mp.quad(f, [-mp.inf] + pts + [hi], maxdegree=8)


def J(R, log_y):
    """J(y) from ln y (y can be e^(1e13) where p is tiny)."""
    if log_y > mp.log(R + 2) + 40:  # the alternating asymptotic series (A&S 5.1.51): error below (R+1)(R+2)/y^2 < e^-80
        return 1 - (R + 1) * mp.exp(-log_y)
    y = mp.exp(log_y)
    if y >= 1:  # the continued fraction of E_n (A&S 5.1.22), n = R + 1, by modified Lentz: J = y * h
        n, tiny = R + 1, mp.mpf(10) ** (-mp.mp.dps * 4)
        b = y + n
        c, d = 1 / tiny, 1 / b
        h = d
        for i in range(1, 100000):
            an = -i * (n - 1 + i)
            b += 2
            d = an * d + b
            d = 1 / (d if d != 0 else tiny)
            c = b + an / c
            c = c if c != 0 else tiny
            h *= c * d
            if abs(c * d - 1) < mp.eps:
                return y * h
        raise ValueError('continued fraction did not converge')
    v = y * mp.exp(y) * mp.expint(R + 1, y)
    if not (mp.isfinite(v) and 0 < v <= 1):
        raise ValueError('expint failed')
    return v


def p_outer(R, u, a, B, delta):
    lb = mp.log(mp.beta(a, B))
    kappa = delta * u

    def logw(s):  # log of the beta weight in s = ln z, z = -ln p, with the Jacobian p z
        z = mp.exp(s)
        return -a * z + (B - 1) * mp.log(-mp.expm1(-z)) + s - lb

    def slope(s):
        z = mp.exp(s)
        return -a * z + (B - 1) * z / mp.expm1(z) + 1

    lo, hi = mp.mpf(-2000), mp.mpf(100)
    for _ in range(400):  # the peak of the concave log-weight, by bisection of its slope
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if slope(mid) > 0 else (lo, mid)
    peak = (lo + hi) / 2
    top = logw(peak)

    def edge(direction):
        step = mp.mpf(1) / 1024
        while logw(peak + direction * step) > top - 800 and step < 4000:
            step *= 2
        return peak + direction * step

    left, right = edge(-1), edge(1)
    curv = -(logw(peak + mp.mpf('1e-6')) - 2 * top + logw(peak - mp.mpf('1e-6'))) / mp.mpf('1e-12')
    width = 1 / mp.sqrt(curv) if curv > 0 else mp.mpf(1)
    pts = {left, right, peak} | {peak + j * width for j in (-30, -10, -3, -1, 1, 3, 10, 30)}
    pts |= {left + (right - left) * j / 8 for j in range(1, 8)}
    for p in (kappa, kappa / (R + 1)):  # where J turns over
        if p < 1:
            pts.add(mp.log(-mp.log(p)))
    pts = sorted(p for p in pts if left <= p <= right)

    def f(s):
        return J(R, mp.log(kappa) + mp.exp(s)) * mp.exp(logw(s))  # y = kappa/p, ln p = -e^s

    return R / kappa * mp.quad(f, pts, maxdegree=6)


def at(fn, dps, R, u, a, B, delta):
    with mp.workdps(dps):
        try:
            v = fn(*map(mp.mpf, (R, u, a, B, delta)))
        except FAILS:
            return None
        return v if mp.isfinite(v) and v > 0 else None


def close(v, w, tol):
    return v is not None and w is not None and abs(v - w) <= mp.mpf(tol) * abs(w)


def dert(r, al, a, b, x, tx, T, delta):
    with mp.workdps(60):
        R, u, B = mp.mpf(r) + x, mp.mpf(al) + T, mp.mpf(b) + x + 1
    args = (R, u, a, B, delta)
    lam, pout = at(lambda_outer, 30, *args), at(p_outer, 30, *args)
    if lam is not None and pout is not None:
        if not close(pout, lam, '1e-10'):
            return None, None, f'lambda-outer {mp.nstr(lam, 15)} and p-outer {mp.nstr(pout, 15)} disagree'
        D, method = lam, 'both'
    else:
        fn, v, method = (lambda_outer, lam, 'lambda-outer') if lam is not None else (p_outer, pout, 'p-outer')
        w = at(fn, 40, *args) if v is not None else None
        if not close(v, w, '1e-12'):
            return None, None, f'lambda-outer {lam}, p-outer {pout} at 30 digits; {method} at 40: {w}'
        D = w
    with mp.workdps(30):
        return ln_alive(r, al, a, b, x, tx, T) + mp.log(D), method, None


def logu(lo=-30.0, hi=30.0):
    return math.exp(rng.uniform(lo, hi))


def params(lo=-30.0, hi=30.0):
    return [logu(lo, hi) for _ in range(4)]


def customer():
    T = 10 ** rng.uniform(-3, 5)
    x = rng.choice([0, 1, 2, 5, 30, 1000, 10000])
    if x == 0:
        return (0, 0.0, T)
    kind = rng.random()
    tx = 0.0 if kind < 0.15 else T if kind < 0.3 else T * (1 - 10 ** rng.uniform(-9, -2)) if kind < 0.45 else T * rng.random()
    return (x, tx, T)


def horizon():
    return 10 ** rng.uniform(-6, 9)


CORNERS = [[E, E, E, E], [F, F, F, F], [F, E, F, E], [E, F, E, F], [F, F, E, E], [E, E, F, F], [1e9, 1e9, 0.5, 2],
           [1e9, 1, E, F], [E, F, F, E], [F, 1, 0.5, 0.5], [0.5, E, 2, 3], [1, 1, F, 0.5], [2, 3, E, 1], [2, 3, 1, E]]
HIST = [(0, 0.0, 38.86), (2, 30.43, 38.86), (10000, 38.0, 39.0), (3, 0.0, 10.0), (1, 1e-3, 1e4), (5, 5.0, 5.0)]


# The draws of mbg_nbd_extreme_reference.py, in its order (only the DERT points are computed here).
# (params, t)
exp_cases = [(p, t) for p in CORNERS for t in (1e-6, 52, 1e9)]
exp_cases += [(params(), horizon()) for _ in range(25)] + [(params(-5, 5), horizon()) for _ in range(10)]
# (params, history, t)
cond_cases = [(p, h, t) for p in CORNERS for h, t in zip(HIST, (1e9, 52, 10, 1e-6, 1e6, 39))]
cond_cases += [(params(), customer(), horizon()) for _ in range(30)] + [(params(-5, 5), customer(), horizon()) for _ in range(10)]
# (params, n, t)
count_cases = [(p, n, t) for p in CORNERS for n, t in ((0, 52), (1, 1e-6), (3, 1e9), (20, 39))]
count_cases += [(params(), rng.choice([0, 1, 2, 5, 30, 200]), horizon()) for _ in range(25)]
# (params, history, n, t)
cpmf_cases = [(p, h, n, t) for p in CORNERS for h, n, t in zip(HIST, (0, 1, 3, 0, 2, 1), (39, 52, 10, 1e6, 1e-3, 1e9))]
cpmf_cases += [(params(), customer(), rng.choice([0, 1, 2, 5, 30]), horizon()) for _ in range(25)]
# (params, history, delta)
dert_cases = [(p, h, d) for p in CORNERS for h, d in zip(HIST, (0.0027, 0.1, 1e-6, 0.01, 0.5, 0.0027))]
dert_cases += [(params(), customer(), 10 ** rng.uniform(-6, 0)) for _ in range(25)]



def run(case):
    p, h, d = case
    ln, method, why = dert(*p, *h, d)
    return p, h, d, (None if ln is None else (float(mp.exp(ln)), float(ln), mp.nstr(mp.exp(ln), 17))), method, why


out, left_out = [], []
with multiprocessing.Pool(2) as pool:  # two workers; results come back in case order
    for p, h, d, value, method, why in pool.imap(run, dert_cases, chunksize=1):
        if value is None:
            print('left out', p, h, d, why, file=sys.stderr, flush=True)
            left_out.append([p, list(h), d, why])
            continue
        print(p, h, d, method, value[2], file=sys.stderr, flush=True)
        out.append([p, list(h), d, value[0], value[1], method])
json.dump({'dert': out, 'leftOut': left_out}, sys.stdout, indent=0)
print()
