// An edge-style worker: `export default { fetch }` (Cloudflare Workers, Deno Deploy, Vercel Edge).
// POST {"scores": [9, 10, 6, …]} → NPS with its interval; POST {"csat": [5, 4, …]} → CSAT too.
import { CxMetricsError } from 'cx-metrics';
import { csat, csatInterval, nps, npsInterval } from 'cx-metrics/survey';

export default {
  async fetch(request) {
    if (request.method !== 'POST') return Response.json({ error: 'POST a JSON body {"scores": [...]}' }, { status: 405 });
    let body;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: 'the body is not JSON' }, { status: 400 });
    }
    try {
      const out = {};
      if (body.scores !== undefined) {
        const result = nps(body.scores);
        const interval = npsInterval(result);
        out.nps = { score: result.score, lower: interval?.lower, upper: interval?.upper, answers: result.total };
      }
      if (body.csat !== undefined) {
        const result = csat(body.csat);
        const interval = csatInterval(result);
        out.csat = { share: result.share, lower: interval?.lower, upper: interval?.upper, answers: result.total };
      }
      return Response.json(out);
    } catch (error) {
      // Bad input: the library names the problem, its code and its index.
      if (error instanceof CxMetricsError) return Response.json({ error: error.message, code: error.code }, { status: 422 });
      throw error;
    }
  },
};
