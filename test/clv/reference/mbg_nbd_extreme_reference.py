"""Independent reference values for the MBG/NBD predictions at EXTREME parameters (mpmath, 40-80 digits).

Run: python3 test/clv/reference/mbg_nbd_extreme_reference.py > test/clv/reference/mbg-nbd-extreme-reference.json
(`... expected conditional aliveAt` and `... count conditionalCount dert` compute a part each, about 7 minutes
side by side on a busy 2-core machine; their JSON objects merged give the same file. The 10 s limit below makes
the set of left-out points depend a little on the machine's load.)

Every parameter in [e^-30, e^30] (LOG_PARAMETER_LIMIT, the range the fitters can return), r up
to 1e9, customers from x = 0 to x = 10,000, t from 1e-6 to 1e9. The formulas are those of
mbg_nbd_reference.py (Batislam, Denizel & Filiztekin 2007; BTYDplus `mbgcnbd` with k = 1), straight
from the paper, none of the transformations used in src/:
  P(alive|x,tx,T)    1 / (1 + a/(b+x) ((al+T)/(al+tx))^(r+x))
  E[Y(t)|x,tx,T]     (a+b+x)/(a-1) [1 - ((al+T)/(al+T+t))^(r+x) 2F1(r+x, b+x+1; a+b+x; t/(al+T+t))] P(alive)
                     at 60 and 80 digits; where these disagree, 2F1 does not converge or a = 1:
                     the beta integral P(alive) E_p[(1 - (1 + p t/u)^-R)/p], p ~ Beta(a, b+x+1), at 40 and 50 digits
  E[X(t)]            E[Y(t) | 0, 0, 0]
  P(alive at T+t)    P(alive) 2F1(r+x, a; a+b+x+1; -t/(al+T)), checked against the beta integral
                     P(alive) E_p[(1 + p t/u)^-R]
  P(X(t) = n)        B(a, b+n+1)/B(a, b) NB(n) + B(a+1, b+n)/B(a, b) [1 - sum_{j<n} NB(j)]   (60 digits)
  P(Y(t) = n | ...)  [n=0](1 - P(alive)) + P(alive) int_0^1 Beta(p; a, b+x+1) Q(n | p) dp, at 40 and 50 digits
  DERT               P(alive) int_0^1 Beta(p; a, b+x+1) (R/p) e^y E_{R+1}(y) dp, y = delta u / p, at 20 and 25 digits
Each quadrature is done at two precisions; a point where they disagree beyond the stated tolerance,
or where mpmath takes longer than 10 s for one evaluation (then the
other form is tried), is left out and reported on stderr (and in 'leftOut').

Points: a fixed pseudo-random sample (seed 20261202), log-uniform over [e^-30, e^30] (and over
[e^-5, e^5] for parameters where most fits end), plus the corners and edges of the range.
"""
import json, math, multiprocessing, random, signal, sys, time
import mpmath as mp

E30, F30 = mp.e ** -30, mp.e ** 30
E, F = float(E30), float(F30)
rng = random.Random(20261202)
left_out = []


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow()


signal.signal(signal.SIGALRM, _alarm)  # inherited by the worker processes (fork)


def M(*v):
    return [mp.mpf(x) for x in v]


def p_alive(r, al, a, b, x, tx, T):
    r, al, a, b, tx, T = M(r, al, a, b, tx, T)
    return 1 / (1 + a / (b + x) * ((al + T) / (al + tx)) ** (r + x))


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


def guarded(fn):
    try:
        v = fn()
    except (mp.libmp.libhyper.NoConvergence, ValueError, MemoryError, OverflowError):  # e^(delta u/p) as p -> 0 can exceed memory
        return None
    return v if v is not None and mp.isfinite(v) else None


def limited(fn):
    """fn(), or None where mpmath takes longer than 10 s (hyp2f1 crawls at some huge parameters)."""
    signal.alarm(10)
    try:
        return guarded(fn)
    except Slow:
        return None
    finally:
        signal.alarm(0)


def two(fn, args, lo, hi, tol):
    """fn at two precisions; None where they disagree beyond tol (relative) or either fails."""
    with mp.workdps(lo):
        v = limited(lambda: fn(*args))
    with mp.workdps(hi):
        w = limited(lambda: fn(*args)) if v is not None else None
    if v is None or w is None or abs(v - w) > mp.mpf(tol) * abs(w):
        return None, (v, w)
    return w, None


def cond(*args):
    v, _ = two(cond_closed, args, 60, 80, '1e-17')
    if v is None:
        v, why = two(cond_quad, args, 40, 50, '1e-12')
        if v is None:
            return None, f'beta integral at 40/50 digits disagree: {why}'
    return v, None


def alive_at(r, al, a, b, x, tx, T, t):
    def closed(*c):
        r, al, a, b, x, tx, T, t = c
        r, al, a, b, tx, T, t = M(r, al, a, b, tx, T, t)
        return p_alive(r, al, a, b, x, tx, T) * mp.hyp2f1(r + x, a, a + b + x + 1, -t / (al + T), maxterms=20000)

    def quad(*c):
        r, al, a, b, x, tx, T, t = c
        r, al, a, b, tx, T, t = M(r, al, a, b, tx, T, t)
        R, B, s = r + x, b + x + 1, t / (al + T)
        return p_alive(r, al, a, b, x, tx, T) * beta_quad(lambda p: mp.exp(-R * mp.log1p(p * s)), a, B, [1 / s, 1 / (R * s)])

    args = (r, al, a, b, x, tx, T, t)
    v, _ = two(closed, args, 60, 80, '1e-17')
    w, why = two(quad, args, 40, 50, '1e-12')
    if v is None and w is None:
        return None, f'2F1 fails and beta integral at 40/50 digits disagree: {why}'
    if v is not None and w is not None and abs(v - w) > mp.mpf('1e-10') * abs(v):
        return None, f'2F1 {v} and beta integral {w} disagree'
    return (v if v is not None else w), None


def pmf(r, al, a, b, n, t):
    def one(r, al, a, b, n, t):
        r, al, a, b, t = M(r, al, a, b, t)
        q = al / (al + t); z = t / (al + t)
        nb = lambda j: mp.exp(mp.loggamma(r + j) - mp.loggamma(r) - mp.loggamma(j + 1) + r * mp.log(q) + j * mp.log(z))
        lb = mp.log(mp.beta(a, b))
        first = mp.exp(mp.log(mp.beta(a, b + n + 1)) - lb) * nb(n)
        return first + mp.exp(mp.log(mp.beta(a + 1, b + n)) - lb) * (1 - mp.fsum(nb(j) for j in range(n)))
    v, why = two(one, (r, al, a, b, n, t), 60, 80, '1e-15')
    return v, (None if v is not None else f'60/80 digits disagree: {why}')


def cond_pmf(r, al, a, b, x, tx, T, n, t):
    def one(r, al, a, b, x, tx, T, n, t):
        r, al, a, b, tx, T, t = M(r, al, a, b, tx, T, t)
        R, B, u = r + x, b + x + 1, al + T
        q = u / (u + t); z = t / (u + t)
        nb = lambda j: mp.exp(mp.loggamma(R + j) - mp.loggamma(R) - mp.loggamma(j + 1) + R * mp.log(q) + j * mp.log(z))
        tail = 1 - mp.fsum(nb(j) for j in range(n))
        Q = lambda p: (1 - p) ** n * nb(n) + (p * (1 - p) ** (n - 1) * tail if n > 0 else 0)
        pa = p_alive(r, al, a, b, x, tx, T)
        return (1 - pa if n == 0 else 0) + pa * beta_quad(Q, a, B, [1 / (n + 1)] if n > 0 else [])
    v, why = two(one, (r, al, a, b, x, tx, T, n, t), 40, 50, '1e-12')
    return v, (None if v is not None else f'40/50 digits disagree: {why}')


def dert(r, al, a, b, x, tx, T, delta):
    def one(r, al, a, b, x, tx, T, delta):
        rr, aal, aa, bb, ttx, TT, d = M(r, al, a, b, tx, T, delta)
        R, B, u = rr + x, bb + x + 1, aal + TT
        h = lambda p: R / p * mp.exp(d * u / p) * mp.expint(R + 1, d * u / p)
        return p_alive(rr, aal, aa, bb, x, ttx, TT) * beta_quad(h, aa, B, [d * u, d * u / R])
    v, why = two(one, (r, al, a, b, x, tx, T, delta), 20, 25, '1e-10')
    return v, (None if v is not None else f'20/25 digits disagree: {why}')


def timed(name, fn, *args):
    t0 = time.time()
    v, why = fn(*args)
    if v is None:
        print(f'  {name} left out {args}: {why}', file=sys.stderr, flush=True)
        left_out.append([name, list(args), str(why)[:200]])
    else:
        print(f'{name} {args}: {mp.nstr(v, 17)} ({time.time() - t0:.1f} s)', file=sys.stderr, flush=True)
    return v


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

out = {'expected': [], 'conditional': [], 'alive': [], 'aliveAt': [], 'count': [], 'conditionalCount': [], 'dert': []}
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

FNS = {'expected': cond, 'conditional': cond, 'aliveAt': alive_at, 'count': pmf, 'conditionalCount': cond_pmf, 'dert': dert}
tasks = [('expected', (p, t), (*p, 0, 0, 0, t)) for p, t in exp_cases]
tasks += [(name, (p, list(h), t), (*p, *h, t)) for p, h, t in cond_cases for name in ('conditional', 'aliveAt')]
tasks += [('count', (p, n, t), (*p, n, t)) for p, n, t in count_cases]
tasks += [('conditionalCount', (p, list(h), n, t), (*p, *h, n, t)) for p, h, n, t in cpmf_cases]
tasks += [('dert', (p, list(h), d), (*p, *h, d)) for p, h, d in dert_cases]
# Optional arguments name the predictions to compute (to split the run across machines); by default all.
if len(sys.argv) > 1:
    tasks = [task for task in tasks if task[0] in sys.argv[1:]]
    out = {name: v for name, v in out.items() if name in sys.argv[1:] or (name == 'alive' and 'aliveAt' in sys.argv[1:])}


def run(task):
    name, key, args = task
    left_out.clear()
    v = timed(name, FNS[name], *args)
    return name, key, (None if v is None else float(v)), list(left_out)


if 'alive' in out:
    with mp.workdps(60):
        out['alive'] = [[p, list(h), float(p_alive(*p, *h))] for p, h, _ in cond_cases]
# Three worker processes (mpmath is single-threaded); results come back in task order.
with multiprocessing.Pool(3) as pool:
    for name, key, v, lo in pool.imap(run, tasks, chunksize=1):
        left_out.extend(lo)
        if v is not None:
            out[name].append([*key, v])
out['leftOut'] = left_out
json.dump(out, sys.stdout, indent=0)
print()
