"""DERL of the sBG where the kernel's 2F1 declines (z = 1/(1+d) near 1, alpha near a whole number).

sbgDerl(alpha, beta; d, renewals) = r(n) * 2F1(1, beta + n; alpha + beta + n; 1/(1+d)),
n = renewals + 1, r(n) = (beta + n - 1)/(alpha + beta + n - 1) (Fader & Hardie 2010, eq. 6),
computed here with mpmath at 50 digits. Writes sbg-euler-reference.json beside this script.
"""
import json, os
import mpmath as mp

mp.mp.dps = 50
POINTS = [
    (1, 1, 0, 1.5e-7),
    (2, 3, 5, 1e-5),
    (1.0000001, 1, 0, 1e-6),
    (3, 0.5, 2, 1e-4),
    (1, 1e6, 0, 1e-8),
    (4, 1e-12, 0, 1e-6),
    # A general 2F1 lost 3.8e-6 here (z near 1, alpha + beta + n large) without declining.
    (601343685.7605362, 1, 11, 1e-6),
    (601343685.7605362, 1, 11, 2e-6),
]
rows = []
for alpha, beta, renewals, d in POINTS:
    a, b, dd = mp.mpf(alpha), mp.mpf(beta), mp.mpf(d)
    n = renewals + 1
    derl = (b + n - 1) / (a + b + n - 1) * mp.hyp2f1(1, b + n, a + b + n, 1 / (1 + dd))
    rows.append([alpha, beta, renewals, d, float(derl)])
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'sbg-euler-reference.json'), 'w') as f:
    json.dump({'derl': rows}, f, indent=1)
    f.write('\n')
