/** Bad-input rows of the models domain (see `table.ts`). */
import type { Row } from './table';

export const modelsRows: readonly Row[] = [];
