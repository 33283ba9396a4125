"""Independent 30-digit reference values for the BG/NBD predictions beyond E[Y(t)] and P(alive at T).

Run: python3 test/clv/reference/bg_nbd_residual_reference.py > test/clv/reference/bg-nbd-residual-reference.json

Computed with mpmath at mp.dps = 30, straight from the definitions, without the transformations
used in src/:
  P(alive at T+t | x, tx, T) = P(alive) * 2F1(r+x, a; a+b+x; -t/(alpha+T))            (mp.hyp2f1)
  P(Y(t) = n | x, tx, T)     = P(alive) * P(X(t) = n | r+x, alpha+T, a, b+x) + [n=0] (1 - P(alive))
      with FHL (2005) eq. 8, the negative-binomial tail as the regularized incomplete beta
      I_{t/(alpha+T+t)}(n, r+x)                                                        (mp.betainc)
  DERT(delta | x, tx, T)     = P(alive) * int_0^inf e^(-delta t) dE[Y(t) | alive]
      = P(alive) * E[lambda/(delta + lambda p)]     (lambda ~ Gamma(r+x, alpha+T), p ~ Beta(a, b+x))
      = P(alive) * R/(delta u) * E_p[w e^w E_{R+1}(w)],  w = delta u/p      (R = r+x, u = alpha+T)
      by mp.quad over p (ends substituted) with mpmath's own generalized exponential integral mp.expint
  ln L_i (FHL 2005 eq. 6) for the first CDNOW customers at the published estimates.
Points: CDNOW-like values and extreme parameters in [e^-30, e^30].
"""
import os, sys, csv, json
import mpmath as mp

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'fixtures', 'data', '')
E30, F30 = float(mp.e ** -30), float(mp.e ** 30)
CDNOW = [0.243, 4.414, 0.793, 2.426]


def alive(r, al, a, b, x, tx, T):
    if x == 0:
        return mp.mpf(1)
    return 1 / (1 + a / (b + x - 1) * ((al + T) / (al + tx)) ** (r + x))


def survival(p, c, t):
    r, al, a, b = map(mp.mpf, p)
    x, tx, T = c
    tx, T, t = mp.mpf(tx), mp.mpf(T), mp.mpf(t)
    return alive(r, al, a, b, x, tx, T) * mp.hyp2f1(r + x, a, a + b + x, -t / (al + T))


def pmf_new(r, al, a, b, n, t):
    q = al / (al + t)
    nb = mp.exp(mp.loggamma(r + n) - mp.loggamma(r) - mp.loggamma(n + 1)) * q ** r * (1 - q) ** n
    first = mp.beta(a, b + n) / mp.beta(a, b) * nb
    if n == 0:
        return first
    tail = mp.betainc(n, r, 0, 1 - q, regularized=True)
    return first + mp.beta(a + 1, b + n - 1) / mp.beta(a, b) * tail


def cond_pmf(p, c, n, t):
    r, al, a, b = map(mp.mpf, p)
    x, tx, T = c
    tx, T, t = mp.mpf(tx), mp.mpf(T), mp.mpf(t)
    pa = alive(r, al, a, b, x, tx, T)
    v = pa * pmf_new(r + x, al + T, a, b + x, n, t)
    return v + (1 - pa if n == 0 else 0)


def dert(p, c, delta):
    r, al, a, b = map(mp.mpf, p)
    x, tx, T = c
    tx, T, delta = mp.mpf(tx), mp.mpf(T), mp.mpf(delta)
    R, u, B = r + x, al + T, b + x
    k, m = delta * u, R + 1
    G = lambda w: w * mp.exp(w) * mp.expint(m, w) if w < 1e8 else 1 / (1 + m / w)
    # The beta integral with its end singularities removed: p = s^(1/a) on (0, 1/2],
    # 1 - p = v^(1/B) on [1/2, 1) (a plain mp.quad loses digits for a or B < 1).
    f1 = lambda s: G(k / s ** (1 / a)) * (1 - s ** (1 / a)) ** (B - 1) / a
    f2 = lambda v: G(k / (1 - v ** (1 / B))) * (1 - v ** (1 / B)) ** (a - 1) / B
    half = mp.mpf('0.5')
    pts1 = sorted(set([mp.mpf(0), half ** a] + [q ** a for q in [k, k / m, a / (a + B)] if 0 < q < half]))
    pts2 = sorted(set([mp.mpf(0), half ** B] + [(1 - q) ** B for q in [k, k / m, a / (a + B)] if half < q < 1]))
    integral = mp.quad(f1, pts1) + mp.quad(f2, pts2)
    return alive(r, al, a, b, x, tx, T) * R / k * integral / mp.beta(a, B)


def loglik(p, c):
    r, al, a, b = map(mp.mpf, p)
    x, tx, T = c
    tx, T = mp.mpf(tx), mp.mpf(T)
    a1 = mp.loggamma(r + x) - mp.loggamma(r) + r * mp.log(al)
    a2 = mp.loggamma(a + b) + mp.loggamma(b + x) - mp.loggamma(b) - mp.loggamma(a + b + x)
    a3 = -(r + x) * mp.log(al + T)
    l = mp.exp(a3)
    if x > 0:
        l += mp.exp(mp.log(a) - mp.log(b + x - 1) - (r + x) * mp.log(al + tx))
    return a1 + a2 + mp.log(l)


def twice(f, *args):
    mp.mp.dps = 30
    try:
        v = f(*args)
        if not mp.isfinite(v):
            print('left out (not finite)', f.__name__, args, v, file=sys.stderr)
            return None
        return float(v)
    except (mp.libmp.libhyper.NoConvergence, ZeroDivisionError) as e:
        print('left out', f.__name__, args, e, file=sys.stderr)
        return None


CUSTOMERS = [(2, 30.43, 38.86), (1, 1.71, 38.86), (0, 0, 38.86), (7, 29.43, 38.86), (200, 50, 52)]
PARAMS = [
    CDNOW,
    [0.5, 5, 1, 3],
    [2, 0.1, 0.2, 0.1],
    [E30, 1, 1, 1],
    [1, E30, 1, 1],
    [1, 1, E30, 1],
    [1, 1, 1, E30],
    [F30, F30, 2, 3],
    [20, 1, 50, 0.5],
]

def main():
    out = {'survival': [], 'conditionalCount': [], 'dert': [], 'perCustomer': {}}
    for p in PARAMS:
        print('params', p, file=sys.stderr)
        for c in CUSTOMERS:
            for t in [1, 39]:
                v = twice(survival, p, c, t)
                if v is not None:
                    out['survival'].append([p, list(c), t, v])
            for n, t in [(0, 39), (2, 39), (0, 1e-3), (40, 200)]:
                v = twice(cond_pmf, p, c, n, t)
                if v is not None:
                    out['conditionalCount'].append([p, list(c), n, t, v])
        for c in CUSTOMERS[:4]:
            for delta in [0.002688, 0.1]:
                v = twice(dert, p, c, delta)
                if v is not None:
                    out['dert'].append([p, list(c), delta, v])

    with open(DATA + 'cdnow_customers_summary.csv') as fh:
        rows = list(csv.DictReader(fh))[:20]
    custs = [(int(float(d['frequency'])), float(d['recency']), float(d['T'])) for d in rows]
    mp.mp.dps = 30
    out['perCustomer'] = {'params': CDNOW, 'rows': [list(c) for c in custs], 'logLikelihood': [float(loglik(CDNOW, c)) for c in custs]}
    print(json.dumps(out, indent=0))


if __name__ == '__main__':
    main()
