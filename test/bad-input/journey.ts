/** Bad-input rows of the journey domain (see `table.ts`). */
import type { Row } from './table';

export const journeyRows: readonly Row[] = [];
