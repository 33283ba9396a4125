"""Reference values of the Pareto/NBD P(alive at T + t) over the WHOLE parameter range the fitters
can return (every parameter in [e^-30, e^30], LOG_PARAMETER_LIMIT in src/internal/log-scale-fit.ts),
with huge and tiny t, T and x (mpmath, 60 digits).

Run: python3 test/clv/reference/pareto_nbd_alive_at_extreme_reference.py > test/clv/reference/pareto-nbd-alive-at-extreme-reference.json

Formulas straight from Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
expressions", none of the transformations used in src/:
  P(alive at T)    eq. 21 written as 1/P - 1 = s int_tx^T ((a+T)/(a+u))^(r+x) ((b+T)/(b+u))^s / (b+u) du,
                   by mpmath.quad (tanh-sinh, break points on the scales of the integrand), as in
                   extreme_reference.py; done at 25 and 35 digits, a point where the two disagree beyond
                   1e-12 relative (in the probability, or in its log where it underflows) is left out (reported on stderr and in 'leftOut')
  P(alive at T+t)  P(alive at T) ((b+T)/(b+T+t))^s   (the posterior of mu given alive at T is
                   Gamma(s, b+T), and the customer survives t more with probability E[e^(-mu t)])
Values are written as doubles; the natural log of each is given too (for values below 1e-300).

Points: a fixed pseudo-random sample (seed 20261203), log-uniform over [e^-30, e^30] (and over
[e^-5, e^5]), customers with x from 0 to 10,000 (tx = 0 with repeat purchases included), t from
1e-6 to 1e9, plus the corners of the range.
"""
import json, math, random, sys
import mpmath as mp

mp.mp.dps = 60
rng = random.Random(20261203)
E, F = float(mp.e ** -30), float(mp.e ** 30)
left_out = []


def inv_alive_minus_one(r, al, s, be, x, tx, T):
    if tx == T:
        return mp.mpf(0)
    rx = r + x

    def g(u):
        return s * mp.exp(rx * mp.log((al + T) / (al + u)) + s * mp.log((be + T) / (be + u))) / (be + u)

    slope = rx / (al + tx) + (s + 1) / (be + tx)
    pts = {tx, T}
    for scale in (1 / slope, al + tx, be + tx):
        for k in range(-12, 13, 2):
            p = tx + scale * mp.mpf(10) ** k
            if tx < p < T:
                pts.add(p)
    return mp.quad(g, sorted(pts))


def ln_alive_at(r, al, s, be, x, tx, T, t):
    r, al, s, be, tx, T, t = map(mp.mpf, (r, al, s, be, tx, T, t))
    return -mp.log1p(inv_alive_minus_one(r, al, s, be, x, tx, T)) - s * mp.log1p(t / (be + T))


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
           [0.553, 10.578, F, F], [0.553, 10.578, E, E], [F, F, 0.606, 11.669], [E, E, 0.606, 11.669], [1e8, 1e8, 1e8, 1e10]]
HIST = [(0, 0.0, 38.86), (2, 30.43, 38.86), (10000, 38.0, 39.0), (3, 0.0, 10.0), (1, 1e-3, 1e4), (5, 5.0, 5.0)]
cases = [(p, h, t) for p in CORNERS for h, t in zip(HIST, (1e9, 52, 10, 1e-6, 1e6, 39))]
cases += [([logu() for _ in range(4)], customer(), 10 ** rng.uniform(-6, 9)) for _ in range(50)]
cases += [([logu(-5, 5) for _ in range(4)], customer(), 10 ** rng.uniform(-6, 9)) for _ in range(20)]

out = []
for p, h, t in cases:
    with mp.workdps(25):
        v = ln_alive_at(*p, *h, t)
    with mp.workdps(35):
        w = ln_alive_at(*p, *h, t)
    # compare the probabilities (relative), or the logs (relative) where the probability underflows
    if (abs(mp.expm1(v - w)) > mp.mpf('1e-12')) if w > -700 else (abs(v - w) > mp.mpf('1e-12') * abs(w)):
        print('left out', p, h, t, v, w, file=sys.stderr)
        left_out.append([p, list(h), t, str(v), str(w)])
        continue
    print(p, h, t, float(mp.exp(w)), file=sys.stderr)
    out.append([p, list(h), t, float(mp.exp(w)), float(w)])
json.dump({'aliveAt': out, 'leftOut': left_out}, sys.stdout, indent=0)
print()
