import { serviceLevels, type ServiceLevelsFigures } from '../../journey/index';
import { count, hours, pct, table } from '../format';
import type { ReportInput, Section } from './types';

/** Service-level targets, in hours: first response within 1 hour, resolution within 24. */
const TARGETS = { firstResponseTarget: 1, resolutionTarget: 24 } as const;

/** First-response and resolution times, targets met, first-contact resolution and backlog per channel. */
export function serviceSection(input: ReportInput): Section | undefined {
  const levels = serviceLevels(input.interactions, { unit: 'hour', asOf: input.observationEnd, ...TARGETS });
  if (levels.contacts === 0) return undefined;
  const row = (name: string, g: ServiceLevelsFigures) => ({
    channel: name,
    contacts: g.contacts,
    medianFirstResponseHours: g.firstResponse.median,
    firstResponseWithinTarget: g.firstResponse.withinTarget,
    medianResolutionHours: g.resolution.median,
    p90ResolutionHours: g.resolution.percentiles.find((p) => p.p === 0.9)?.value,
    resolutionWithinTarget: g.resolution.withinTarget,
    firstContactResolution: g.firstContactResolution.rate,
    backlog: g.backlog,
  });
  const rows = [
    ...levels.groups.map((g) => row(g.group, g)),
    row('all', levels),
  ];
  const lines = [
    `Targets: first response within ${TARGETS.firstResponseTarget} h, resolution within ${TARGETS.resolutionTarget} h. Backlog = contacts open at the end of the data.`,
    ...table(
      [
        { header: 'channel' },
        { header: 'contacts', align: 'right' },
        { header: 'median 1st resp.', align: 'right' },
        { header: 'within 1 h', align: 'right' },
        { header: 'median resolution', align: 'right' },
        { header: '90th pct', align: 'right' },
        { header: 'within 24 h', align: 'right' },
        { header: 'FCR', align: 'right' },
        { header: 'backlog', align: 'right' },
      ],
      rows.map((r) => [
        r.channel,
        count(r.contacts),
        hours(r.medianFirstResponseHours),
        pct(r.firstResponseWithinTarget, 0),
        hours(r.medianResolutionHours),
        hours(r.p90ResolutionHours),
        pct(r.resolutionWithinTarget, 0),
        pct(r.firstContactResolution, 0),
        count(r.backlog),
      ]),
    ),
  ];
  return { id: 'serviceLevels', title: 'Service levels', lines, data: { unit: 'hour', targets: TARGETS, channels: rows } };
}
