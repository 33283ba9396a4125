/** Bad-input rows of the retention domain (see `table.ts`). Owned by the retention/clv gate (h/gate-b). */
import type { Row } from './table';

export const retentionRows: readonly Row[] = [];
