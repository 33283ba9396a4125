import { parseInteractions } from './src/models';
const rows = Array.from({ length: 100_000 }, (_, i) => i % 2 ? { type: 'survey', customerId: `c${i % 5000}`, at: '2024-03-05T14:30:00Z', metric: 'nps', score: i % 11, channel: 'web' } : { type: 'purchase', customerId: `c${i}`, at: 1709649000000 + i, amount: 12.5, currency: 'USD', items: 2 });
const json = JSON.stringify(rows);
for (let k = 0; k < 3; k++) {
  let t = performance.now(); const parsed = JSON.parse(json); const tj = performance.now() - t;
  t = performance.now(); parseInteractions(parsed); console.log(`JSON.parse ${tj.toFixed(0)} ms, parseInteractions ${(performance.now() - t).toFixed(0)} ms`);
}
