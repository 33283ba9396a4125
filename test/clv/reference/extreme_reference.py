"""Reference values of the Pareto/NBD, BG/BB and Gamma-Gamma predictions over the WHOLE parameter
range the fitters can return (every parameter in [e^-30, e^30], LOG_PARAMETER_LIMIT in
src/internal/log-scale-fit.ts), with huge and tiny t, T, x and n (mpmath, 60 digits).

Run: python3 test/clv/reference/extreme_reference.py > test/clv/reference/extreme-reference.json

Formulas straight from the papers, none of the transformations used in src/:
  Pareto/NBD  Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
              expressions": E[X(t)] eq. 17; P(alive) eq. 21 written as 1/P - 1 = s/(r+s+x)
              (a+T)^(r+x) (b+T)^s A0 with A0 = (r+s+x) int_tx^T (a+u)^-(r+x) (b+u)^-(s+1) du
              by mpmath.quad (tanh-sinh, break points on the scales of the integrand); E[Y(t)|...]
              eq. 22. Customers with tx = 0 and x >= 1 (rounded exports) included.
  BG/BB       Fader, Hardie & Shang (2010), Marketing Science 29(6): L eq. 5 (the finite sum
              summed term by term), E[X(n)] eq. 8 and E[X(n, n+n*) | x, tx, n] eq. 13 with
              exact log-gamma ratios at 60 digits, P(alive at n+1) eq. 11, DERT eq. 14 with
              mpmath.hyp2f1 (or its Pfaff transform where
              the series does not converge; DERT is null where neither converges within
              4 seconds).
  Gamma-Gamma Fader, Hardie & Lee (2005), "RFM and CLV", eq. 5: p (gamma + x zbar) / (p x + q - 1).

Points: a fixed pseudo-random sample (seed 20261202), log-uniform over the range, plus the
boundary points the fitters return (homogeneous customers: shapes of 1e6 and more).
Values are written as doubles; where a probability is below 1e-300 its natural log is given too.
"""
import json, math, random, signal, sys
import mpmath as mp

mp.mp.dps = 60
rng = random.Random(20261202)
LIM = 30.0


def M(v):
    return mp.mpf(float(v))


def logu(lo=-LIM, hi=LIM):
    return math.exp(rng.uniform(lo, hi))


def out_num(v):
    v = float(v)
    return v


# ---------------------------------------------------------------- Pareto/NBD
def pnbd_inv_alive_minus_one(r, al, s, be, x, tx, T):
    """1/P(alive) - 1 = s int_tx^T ((al+T)/(al+u))^(r+x) ((be+T)/(be+u))^s / (be+u) du."""
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
    pts = sorted(pts)
    with mp.workdps(25):
        return mp.quad(g, pts)


def pnbd_ln_alive(r, al, s, be, x, tx, T):
    return -mp.log1p(pnbd_inv_alive_minus_one(r, al, s, be, x, tx, T))


def pnbd_expected(r, al, s, be, t):
    if s == 1:
        return r * be / al * mp.log1p(t / be)
    return r * be / (al * (s - 1)) * (1 - (be / (be + t)) ** (s - 1))


def pnbd_cond(r, al, s, be, x, tx, T, t, ln_alive):
    if s == 1:
        core = mp.log1p(t / (be + T))
    else:
        core = (1 - ((be + T) / (be + T + t)) ** (s - 1)) / (s - 1)
    return (r + x) * (be + T) / (al + T) * core * mp.exp(ln_alive)


pnbd = {'expected': [], 'customers': []}
# E[X(t)]: random points and boundary fits.
exp_points = [(logu(), logu(), logu(), logu(), 10 ** rng.uniform(-6, 7)) for _ in range(60)]
exp_points += [
    (1e8, 1e8, 1e8, 1e10, 52), (1e13, 1e13, 1e13, 1e13, 1e6), (1e-13, 1e-13, 1e-13, 1e-13, 1e-6),
    (1e13, 1e-13, 1e-13, 1e13, 100), (0.5, 3, 1 + 1e-12, 2, 1e7), (0.5, 3, 1 - 1e-12, 2, 1e-7),
    (2, 1, 1e13, 1e-13, 1), (2, 1, 1e13, 1e13, 1e9), (1e13, 1, 1e-13, 1e-13, 1e9),
]
print('start', file=sys.stderr, flush=True)
for r, al, s, be, t in exp_points:
    pnbd['expected'].append([r, al, s, be, t, out_num(pnbd_expected(M(r), M(al), M(s), M(be), M(t)))])


def customer(T):
    kind = rng.random()
    x = rng.choice([0, 1, 2, 5, 30, 1000, 10000])
    if x == 0:
        return 0, 0.0, T
    if kind < 0.15:
        tx = 0.0  # rounded exports: repeat purchases, recency 0
    elif kind < 0.3:
        tx = T
    elif kind < 0.45:
        tx = T * (1 - 10 ** rng.uniform(-9, -2))
    else:
        tx = T * rng.random()
    return x, tx, T


cust_points = []
for _ in range(45):
    T = 10 ** rng.uniform(-3, 5)
    x, tx, T = customer(T)
    cust_points.append((logu(), logu(), logu(), logu(), x, tx, T, 10 ** rng.uniform(-4, 6)))
# Parameters of moderate size (where most fits end), extreme customers.
for _ in range(25):
    T = 10 ** rng.uniform(-3, 5)
    x, tx, T = customer(T)
    cust_points.append((logu(-5, 5), logu(-5, 5), logu(-5, 5), logu(-5, 5), x, tx, T, 10 ** rng.uniform(-4, 6)))
cust_points += [
    # homogeneous buyers, no visible dropout (what fitParetoNbd returns on such data)
    (1e8, 1e8, 1e8, 1e10, 3, 30.0, 38.0, 52), (1e8, 1e8, 1e8, 1e10, 0, 0.0, 38.0, 52),
    (1e13, 1e13, 1e13, 1e13, 40, 35.0, 38.0, 52), (1e13, 1e12, 1e-13, 1e-13, 5, 10.0, 38.0, 52),
    (5e6, 1e6, 2e6, 4e7, 7, 20.0, 38.86, 39), (0.553, 10.578, 1e7, 1e9, 2, 30.43, 38.86, 39),
    (1e7, 1e8, 0.606, 11.669, 2, 30.43, 38.86, 39), (1e-13, 1e-13, 1e-13, 1e-13, 1, 1e-3, 1e4, 1e6),
    # tx = 0 with repeat purchases (rounded exports)
    (0.553, 10.578, 0.606, 11.669, 1, 0.0, 38.86, 39), (0.553, 10.578, 0.606, 11.669, 3, 0.0, 0.01, 39),
    (0.553, 10.578, 0.606, 11.669, 2, 0.0, 0.0, 39), (2.0, 0.5, 0.3, 100.0, 10, 0.0, 5.0, 10),
    (0.553, 10.578, 0.606, 11.669, 10000, 0.0, 38.86, 39), (1e6, 1e6, 1e6, 1e6, 4, 0.0, 20.0, 10),
]
for i, (r, al, s, be, x, tx, T, t) in enumerate(cust_points):
    print('pnbd', i, file=sys.stderr, flush=True)
    R, A, S, B = M(r), M(al), M(s), M(be)
    ln_alive = pnbd_ln_alive(R, A, S, B, x, M(tx), M(T))
    cond = pnbd_cond(R, A, S, B, x, M(tx), M(T), M(t), ln_alive)
    pnbd['customers'].append([r, al, s, be, x, tx, T, t, out_num(mp.exp(ln_alive)), out_num(ln_alive), out_num(cond)])


# ---------------------------------------------------------------- BG/BB
def lnB(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def bgbb_terms(al, be, ga, de, x, tx, n):
    """ln of the first term of L and of the sum (eq. 5), both without the common 1/(B(al,be) B(ga,de))."""
    head = lnB(al + x, be + n - x) + lnB(ga, de + n)
    if tx == n:
        return head, None
    first = lnB(al + x, be + tx - x) + lnB(ga + 1, de + tx)
    term, total = mp.mpf(1), mp.mpf(0)
    for i in range(n - tx):
        total += term
        term *= (be + tx - x + i) / (al + be + tx + i) * (de + tx + i) / (ga + 1 + de + tx + i)
    return head, first + mp.log(total)


def bgbb_ln_L(al, be, ga, de, x, tx, n):
    head, rest = bgbb_terms(al, be, ga, de, x, tx, n)
    return head if rest is None else head + mp.log1p(mp.exp(rest - head))


def bgbb_expected(al, be, ga, de, n):
    ratio = mp.exp(mp.loggamma(ga + de) + mp.loggamma(1 + de + n) - mp.loggamma(ga + de + n) - mp.loggamma(1 + de))
    if ga == 1:
        return al / (al + be) * de * (mp.digamma(de + 1 + n) - mp.digamma(de + 1))
    return al / (al + be) * de / (ga - 1) * (1 - ratio)


def bgbb_alive(al, be, ga, de, x, tx, n):
    return mp.exp(lnB(al + x, be + n - x) + lnB(ga, de + n + 1) - bgbb_ln_L(al, be, ga, de, x, tx, n))


def bgbb_cond(al, be, ga, de, x, tx, n, ns):
    # 1/L with L's common 1/(B(al,be) B(ga,de)) restored: B(al,be) cancels, B(ga,de) stays.
    lead = mp.exp(lnB(al + x + 1, be + n - x) + lnB(ga, de) - bgbb_ln_L(al, be, ga, de, x, tx, n))
    if ga == 1:
        bracket = mp.digamma(de + 1 + n + ns) - mp.digamma(de + 1 + n)
        return lead * de * mp.exp(mp.loggamma(ga + de) - mp.loggamma(1 + de)) * bracket
    g1 = mp.exp(mp.loggamma(1 + de + n) - mp.loggamma(ga + de + n))
    g2 = mp.exp(mp.loggamma(1 + de + n + ns) - mp.loggamma(ga + de + n + ns))
    return lead * de / (ga - 1) * mp.exp(mp.loggamma(ga + de) - mp.loggamma(1 + de)) * (g1 - g2)


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow()


signal.signal(signal.SIGALRM, _alarm)


def bgbb_dert(al, be, ga, de, x, tx, n, d):
    z = 1 / (1 + d)
    lead = mp.exp(lnB(al + x + 1, be + n - x) + lnB(ga, de + n + 1) - bgbb_ln_L(al, be, ga, de, x, tx, n))
    f = None
    for attempt in range(2):
        signal.alarm(4)  # mpmath can take minutes on the hardest points: left out instead
        try:
            if attempt == 0:
                f = mp.hyp2f1(1, de + n + 1, ga + de + n + 1, z, maxterms=3000)
            else:  # Pfaff: 2F1(1, b; c; z) = (1 + d)/d 2F1(1, c - b; c; -1/d)
                f = (1 + d) / d * mp.hyp2f1(1, ga, ga + de + n + 1, -1 / d, maxterms=3000)
        except (mp.libmp.NoConvergence, Slow):
            pass
        finally:
            signal.alarm(0)
        if f is not None:
            break
    if f is None:
        print('DERT skipped', al, be, ga, de, x, tx, n, d, file=sys.stderr)
        return None
    value = lead / (1 + d) * f
    if not (0 <= value <= 1 / d):  # outside DERT's hard bounds: mpmath's 2F1 went wrong there
        print('DERT rejected', al, be, ga, de, x, tx, n, d, value, file=sys.stderr)
        return None
    return value


bgbb = {'expected': [], 'customers': []}
for _ in range(50):
    al, be, ga, de = logu(), logu(), logu(), logu()
    n = rng.choice([1, 2, 6, 100, 1000, 100000, 1000000])
    bgbb['expected'].append([al, be, ga, de, n, out_num(bgbb_expected(M(al), M(be), M(ga), M(de), n))])
for al, be, ga, de, n in [(1e13, 1e13, 1e13, 1e13, 1000000), (1e-13, 1e-13, 1e-13, 1e-13, 1000000),
                          (1.2, 0.75, 1 + 1e-12, 2.8, 1000), (1.2, 0.75, 1e6, 1e8, 1000000), (1e7, 1e7, 1e-13, 1e13, 6)]:
    bgbb['expected'].append([al, be, ga, de, n, out_num(bgbb_expected(M(al), M(be), M(ga), M(de), n))])


def bgbb_customer():
    n = rng.choice([1, 2, 6, 11, 100, 1000, 100000, 1000000])
    x = rng.choice([0, 1, 2, n // 2, n - 1, n])
    x = max(0, min(x, n))
    if x == 0:
        return 0, 0, n
    # keep the finite sum (n - tx terms) short enough to sum at 60 digits
    lo = max(x, n - 500)
    tx = rng.choice([lo, n, rng.randint(lo, n)])
    return x, tx, n


bgbb_points = []
for _ in range(50):
    x, tx, n = bgbb_customer()
    bgbb_points.append((logu(), logu(), logu(), logu(), x, tx, n, rng.choice([1, 5, 1000, 100000]), rng.choice([1e-8, 1e-4, 0.01, 0.1, 10])))
for _ in range(25):
    x, tx, n = bgbb_customer()
    bgbb_points.append((logu(-5, 5), logu(-5, 5), logu(-5, 5), logu(-5, 5), x, tx, n, rng.choice([1, 5, 1000]), rng.choice([1e-6, 0.1])))
bgbb_points += [
    (1e13, 1e13, 1e13, 1e13, 3, 5, 6, 10, 0.1), (1e8, 2e8, 1e9, 3e10, 3, 5, 6, 10, 0.1),
    (1.204, 0.750, 0.657, 2.783, 3, 4, 6, 5, 0.1), (1e7, 1e7, 1e-13, 1e13, 6, 6, 6, 5, 1e-8),
    (1.204, 0.750, 1e7, 1e9, 2, 3, 6, 5, 1e-8), (1e13, 1e-13, 1e13, 1e-13, 1, 1, 6, 5, 0.5),
    (1.204, 0.750, 0.657, 2.783, 500, 999000, 1000000, 1000, 1e-8),
]
for i, (al, be, ga, de, x, tx, n, ns, d) in enumerate(bgbb_points):
    print('bgbb', i, file=sys.stderr, flush=True)
    A, B, G, D = M(al), M(be), M(ga), M(de)
    signal.alarm(10)  # a handful of points make mpmath's loggamma/2F1 crawl: left out, not guessed
    try:
        alive = bgbb_alive(A, B, G, D, x, tx, n)
        cond = bgbb_cond(A, B, G, D, x, tx, n, ns)
    except Slow:
        print('point skipped', al, be, ga, de, x, tx, n, file=sys.stderr)
        continue
    finally:
        signal.alarm(0)
    dert = bgbb_dert(A, B, G, D, x, tx, n, M(d))
    dert = None if dert is None else out_num(dert)
    bgbb['customers'].append([al, be, ga, de, x, tx, n, ns, d, out_num(alive), out_num(mp.log(alive)),
                              out_num(cond), dert])

# ---------------------------------------------------------------- Gamma-Gamma
gg = []
for _ in range(80):
    p, q, g = logu(), logu(), logu()
    x = rng.choice([0, 1, 2, 10, 10000, 1000000])
    z = 0.0 if x == 0 else 10 ** rng.uniform(-6, 8)
    if p * x + q - 1 <= 0:
        continue
    gg.append([p, q, g, x, z, out_num(M(p) * (M(g) + x * M(z)) / (M(p) * x + M(q) - 1))])
for p, q, g, x, z in [(1e-13, 1 + 1e-12, 5.0, 3, 40.0), (1e-13, 1 - 1e-14, 5.0, 3, 40.0), (1e13, 1e13, 1e13, 1, 35.0),
                      (6.25, 3.74, 15.44, 2, 35.08), (0.5, 0.5 + 2 ** -40, 1.0, 1, 12.0),
                      (1e13, 1e13, 1e-13, 1000000, 1e8), (1e-13, 1e13, 1e13, 5, 1e-6), (1e13, 1e-13, 1e13, 1, 2.0)]:
    gg.append([p, q, g, x, z, out_num(M(p) * (M(g) + x * M(z)) / (M(p) * x + M(q) - 1))])

json.dump({'paretoNbd': pnbd, 'bgBb': bgbb, 'gammaGamma': gg}, sys.stdout, indent=0)
print()
