/**
 * Where an interaction happens. A closed list so that reports group consistently; use
 * `'other'` (with a touchpoint name) for anything else.
 */
export type Channel = 'web' | 'app' | 'email' | 'phone' | 'chat' | 'social' | 'store' | 'sms' | 'other';

/** The {@link Channel}s as a run-time list. */
export const CHANNELS: readonly Channel[] = Object.freeze([
  'web',
  'app',
  'email',
  'phone',
  'chat',
  'social',
  'store',
  'sms',
  'other',
] as const);
