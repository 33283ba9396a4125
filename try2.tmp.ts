import { bgBbProbabilityAlive, bgBbExpectedTransactions, bgBbConditionalExpectedTransactions, bgBbDert } from './src/clv/index';
const P = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
for (const c of [[0,0,6],[2,4,6],[6,6,6],[4,4,6],[1,6,6]]) console.log(c, bgBbProbabilityAlive(P,{frequency:c[0]!,recency:c[1]!,periods:c[2]!}));
for (const n of [1,6,11]) console.log(n, bgBbExpectedTransactions(P,n), 11104*bgBbExpectedTransactions(P,n));
for (const c of [[6,6,6],[3,6,6],[3,3,6],[0,0,6]]) console.log(c, bgBbConditionalExpectedTransactions(P,{frequency:c[0]!,recency:c[1]!,periods:c[2]!},5), bgBbDert(P,{frequency:c[0]!,recency:c[1]!,periods:c[2]!},{discountRate:0.1}));
