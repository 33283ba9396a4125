/** Bad-input rows of the clv domain (see `table.ts`). Owned by the retention/clv gate (h/gate-b). */
import type { Row } from './table';

export const clvRows: readonly Row[] = [];
