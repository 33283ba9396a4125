"""Independent reference values for the Pareto/NBD count probabilities, P(alive at T + t) and DERT
(mpmath, 30+ digits).

Run: python3 test/clv/reference/pareto_nbd_predictions_reference.py > test/clv/reference/pareto-nbd-predictions-reference.json

Formulas implemented directly, without the transformations used in src/ (no log-concave sweep,
no change of variable, no folding of powers):
  P(alive at T)     Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related
                    expressions", eq. 21, A0 as the difference of the two 2F1 terms (mpmath.hyp2f1)
  P(alive at T+t)   P(alive at T) * ((beta+T)/(beta+T+t))^s
  P(X(t) = n)       NB(n; r, alpha/(alpha+t)) (beta/(beta+t))^s
                    + int_0^t NB(n; r, alpha/(alpha+tau)) s beta^s (beta+tau)^-(s+1) dtau   (mpmath.quad in tau)
                    (Fader, Hardie & Lee 2006, note 012: the lifetime tau ~ Exp(mu) truncated at t)
  P(Y(t) = n | x, tx, T)  P(alive) P(X(t) = n | r+x, alpha+T, s, beta+T) + [n = 0](1 - P(alive))
                    (Fader & Hardie, note 028: the posterior of (lambda, mu) given alive at T)
  DERT              Fader, Hardie & Lee (2005), JMR 42(4), eq. 2:
                    alpha^r beta^s delta^(s-1) Gamma(r+x+1) Psi(s, s; delta(beta+T)) / (Gamma(r) (alpha+T)^(r+x+1) L)
                    with Psi = mpmath.hyperu and L the likelihood (eq. 19, 2F1 form)
"""
import json
import mpmath as mp

mp.mp.dps = 40
MAXTERMS = 10 ** 7


def hyp(a, b, c, z):
    return mp.hyp2f1(a, b, c, z, maxterms=MAXTERMS)


def A0(r, al, s, be, x, tx, T):
    m = r + s + x
    if al >= be:
        F = lambda t: hyp(m, s + 1, m + 1, (al - be) / (al + t)) / (al + t) ** m
    else:
        F = lambda t: hyp(m, r + x, m + 1, (be - al) / (be + t)) / (be + t) ** m
    return F(tx) - F(T)


def likelihood(r, al, s, be, x, tx, T):
    m = r + s + x
    first = (al + T) ** (-(r + x)) * (be + T) ** (-s)
    return mp.gamma(r + x) / mp.gamma(r) * al ** r * be ** s * (first + s / m * A0(r, al, s, be, x, tx, T))


def p_alive(r, al, s, be, x, tx, T):
    return 1 / (1 + s / (r + s + x) * (al + T) ** (r + x) * (be + T) ** s * A0(r, al, s, be, x, tx, T))


def nb(n, r, q, p):
    """Gamma(r+n)/(Gamma(r) n!) q^r p^n."""
    return mp.exp(mp.loggamma(r + n) - mp.loggamma(r) - mp.loggamma(n + 1)) * q ** r * p ** n


def pmf(r, al, s, be, n, t):
    survivors = nb(n, r, al / (al + t), t / (al + t)) * (be / (be + t)) ** s
    g = lambda tau: nb(n, r, al / (al + tau), tau / (al + tau)) * s * be ** s * (be + tau) ** (-(s + 1))
    # Breakpoints at the scales of the integrand: alpha, beta and the peak of the NB factor.
    peak = al * n / r if r > 0 else t
    # Points crowding towards t, where the integrand peaks when t is below the NB peak (large n).
    pts = sorted({mp.mpf(0), mp.mpf(t)} | {p for c in (al, be, peak) for k in (-6, -3, -1, 0, 1, 3, 6) for p in [c * mp.mpf(10) ** k] if 0 < p < t}
                 | {t * (1 - mp.mpf(2) ** -k) for k in range(1, 40)})
    return survivors + mp.quad(g, pts)


def cond_pmf(r, al, s, be, x, tx, T, n, t):
    pa = p_alive(r, al, s, be, x, tx, T)
    return pa * pmf(r + x, al + T, s, be + T, n, t) + (1 - pa if n == 0 else 0)


def dert(r, al, s, be, x, tx, T, delta):
    L = likelihood(r, al, s, be, x, tx, T)
    return al ** r * be ** s * delta ** (s - 1) * mp.gamma(r + x + 1) * mp.hyperu(s, s, delta * (be + T)) / (mp.gamma(r) * (al + T) ** (r + x + 1) * L)


M = lambda v: mp.mpf(v)
CDNOW = [M('0.553'), M('10.578'), M('0.606'), M('11.669')]
WEEK = mp.log(M('1.15')) / 52
out = {'pmf': [], 'conditionalPmf': [], 'aliveAt': [], 'dert': []}

pmf_cases = [
    (CDNOW, 0, 39), (CDNOW, 1, 39), (CDNOW, 2, 39), (CDNOW, 5, 78), (CDNOW, 0, 0.5),
    ([M(2), M(3), M(1.5), M(4)], 3, 10), ([M(2), M(3), M(1.5), M(4)], 40, 100),
    ([M(0.5), M(50), M(2), M(1)], 0, 1000), ([M(0.5), M(50), M(2), M(1)], 7, 1000),
    ([mp.e ** -30, mp.e ** -30, M(1), M(1)], 0, 10), ([mp.e ** -30, mp.e ** -30, M(1), M(1)], 1, 10),
    ([mp.e ** 30, mp.e ** 30, M(0.7), M(5)], 2, 10), ([M(1), M(1), mp.e ** -30, mp.e ** 30], 3, 2),
    ([M(1), M(1), mp.e ** 30, mp.e ** 30], 1, 5), ([M(0.3), M(2), M(0.4), M(8)], 150, 500),
    (CDNOW, 1000, 100000), (CDNOW, 3, 100000), ([M(5), M(0.01), M(0.5), M(2)], 5000, 10),
]
for p, n, t in pmf_cases:
    out['pmf'].append({'params': [float(v) for v in p], 'n': n, 't': t, 'value': float(pmf(*p, n, M(t)))})

hist = [(2, M('30.43'), M('38.86')), (1, M('1.71'), M('38.86')), (0, M(0), M('38.86')), (10, M(30), M(38)), (0, M(0), M(0))]
for x, tx, T in hist:
    for n, t in ((0, 39), (1, 39), (3, 52)):
        out['conditionalPmf'].append({'params': [float(v) for v in CDNOW], 'customer': [x, float(tx), float(T)], 'n': n, 't': t,
                                      'value': float(cond_pmf(*CDNOW, x, tx, T, n, M(t)))})
extreme_cond = [
    ([M(2), M(3), M(1.5), M(4)], (50, M(60), M(80)), 20, 40),
    ([mp.e ** 30, mp.e ** 30, M(0.7), M(5)], (3, M(4), M(10)), 0, 10),
    ([M(0.2), M(0.5), mp.e ** -20, mp.e ** -20], (5, M(5), M(20)), 1, 30),
    (CDNOW, (10000, M(38), M('38.86')), 10000, 39),
    (CDNOW, (3, M(20), M(100000)), 0, 100000),
]
for p, (x, tx, T), n, t in extreme_cond:
    out['conditionalPmf'].append({'params': [float(v) for v in p], 'customer': [x, float(tx), float(T)], 'n': n, 't': t,
                                  'value': float(cond_pmf(*p, x, tx, T, n, M(t)))})

for x, tx, T in hist[:4]:
    for t in (0, 10, 52):
        out['aliveAt'].append({'params': [float(v) for v in CDNOW], 'customer': [x, float(tx), float(T)], 't': t,
                               'value': float(p_alive(*CDNOW, x, tx, T) * ((CDNOW[3] + T) / (CDNOW[3] + T + t)) ** CDNOW[2])})

dert_cases = [
    (CDNOW, (2, M('30.43'), M('38.86')), WEEK), (CDNOW, (1, M('1.71'), M('38.86')), WEEK),
    (CDNOW, (0, M(0), M('38.86')), WEEK), (CDNOW, (10, M(30), M(38)), WEEK), (CDNOW, (0, M(0), M(0)), WEEK),
    (CDNOW, (2, M('30.43'), M('38.86')), M('0.01')), (CDNOW, (2, M('30.43'), M('38.86')), M('1e-6')),
    ([M(2), M(3), M(1.5), M(4)], (50, M(60), M(80)), M('0.002')),
    ([M(1), M(1), mp.e ** 30, mp.e ** 30], (3, M(4), M(10)), WEEK),
    ([M(1), M(1), mp.e ** -30, mp.e ** -30], (3, M(4), M(10)), WEEK),
    ([M(0.5), M(2), M(3), mp.e ** -10], (4, M(5), M(9)), M('0.05')),
    ([mp.e ** 30, mp.e ** 30, M(0.7), M(5)], (3, M(4), M(10)), WEEK),
    (CDNOW, (10000, M(38), M('38.86')), WEEK),
    (CDNOW, (3, M(20), M(100000)), WEEK),
]
for p, (x, tx, T), d in dert_cases:
    out['dert'].append({'params': [float(v) for v in p], 'customer': [x, float(tx), float(T)], 'discountRate': float(d),
                        'value': float(dert(*p, x, tx, T, d))})

print(json.dumps(out, indent=1))
