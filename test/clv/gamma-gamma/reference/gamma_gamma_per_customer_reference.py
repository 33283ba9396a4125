"""Independent reference values for the per-customer Gamma-Gamma log-likelihood (mpmath, 40 digits).

Run: python3 test/clv/gamma-gamma/reference/gamma_gamma_per_customer_reference.py > test/clv/gamma-gamma/reference/gamma-gamma-per-customer-reference.json

Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value", eq. (3): the density of a
customer's average spend z over x transactions,

  f(z | p, q, gamma; x) = Gamma(px+q) / (Gamma(px) Gamma(q)) * gamma^q x^(px) z^(px-1) / (gamma + x z)^(px+q)

implemented with mpmath.loggamma; second route: the mixture itself, x z ~ Gamma(px, nu) (so z has
density x * Gamma(x z; px, nu)) integrated over nu ~ Gamma(q, gamma) by quadrature (agreement to 1e-6 or better: the integrand is sharply peaked for large px).
"""
import json, sys
import mpmath as mp

mp.mp.dps = 40


def logf(p, q, g, x, z):
    px = p * x
    return (mp.loggamma(px + q) - mp.loggamma(px) - mp.loggamma(q) + q * mp.log(g) + px * mp.log(x)
            + (px - 1) * mp.log(z) - (px + q) * mp.log(g + x * z))


def logf_quad(p, q, g, x, z):
    px = p * x
    dens = lambda nu: (x * nu ** px * (x * z) ** (px - 1) * mp.exp(-nu * x * z) / mp.gamma(px)
                       * g ** q * nu ** (q - 1) * mp.exp(-g * nu) / mp.gamma(q))
    mode = max(px + q - 1, mp.mpf('0.5')) / (g + x * z)  # the integrand is a Gamma(px+q, g+xz) kernel in nu
    return mp.log(mp.quad(dens, [0, mode / 4, mode / 2, mode, 2 * mode, 4 * mode, mp.inf]))


cases = []
for params in [(6.25, 3.74, 15.44), (mp.mpf('0.5'), mp.mpf('2'), mp.mpf('3')), (20, 50, 200)]:
    params = tuple(mp.mpf(v) for v in params)
    for x, z in [(1, mp.mpf('9.5')), (2, mp.mpf('22.35')), (7, mp.mpf('41.2')), (30, mp.mpf('3.1')), (1, mp.mpf('300'))]:
        a, b = logf(*params, x, z), logf_quad(*params, x, z)
        assert abs(a - b) < mp.mpf('1e-6') * max(1, abs(a)), (params, x, z, a, b)  # quadrature of a peaked integrand
        cases.append([[float(v) for v in params], x, float(z), float(a)])
# Parameters at the edges of the fitted range (the closed form only; the quadrature cannot resolve these).
E = mp.e
for params in [(E ** 30, E ** -30, E ** 30), (E ** -30, E ** 30, E ** -30), (E ** -30, E ** -30, E ** -30), (E ** 30, E ** 30, E ** 30)]:
    for x, z in [(1, mp.mpf('9.5')), (12, mp.mpf('0.25'))]:
        cases.append([[float(v) for v in params], x, float(z), float(logf(*params, x, mp.mpf(float(z))))])
# Counts and spends far out (closed form only): the library's plain closed form lost every digit
# here (0 at x = 1e15, where the value is -11.31), so these pin the cancellation-free form.
params = tuple(mp.mpf(v) for v in (6.25, 3.74, 15.44))
for x, z in [(10 ** 6, 5), (10 ** 9, 5), (10 ** 12, 5), (10 ** 15, 5), (10 ** 15, 1e300), (2, 1e308), (3, 1e-300)]:
    cases.append([[float(v) for v in params], x, float(z), float(logf(*params, mp.mpf(x), mp.mpf(float(z))))])
# The expected spend E[Z | z, x] = p (gamma + x z) / (p x + q - 1) where x z or p x is near or beyond
# a double (the value itself is finite): [[p, q, gamma], x, z, E].
spend = []
for (p_, q_, g_), x, z in [((6.25, 3.74, 15.44), 1e308, 5), ((6.25, 3.74, 15.44), 2, 1e308), ((6.25, 3.74, 15.44), 1, 1.7e308),
                           ((6.25, 3.74, 15.44), 1e308, 5e-324), ((6.25, 0.5, 15.44), 3, 1.7e308)]:
    p_, q_, g_ = mp.mpf(p_), mp.mpf(q_), mp.mpf(g_)
    xm, zm = mp.mpf(float(x)), mp.mpf(float(z))
    spend.append([[float(p_), float(q_), float(g_)], float(x), float(z), float(p_ * (g_ + xm * zm) / (p_ * xm + q_ - 1))])
json.dump({'logDensity': cases, 'expectedSpend': spend}, sys.stdout, indent=1)
