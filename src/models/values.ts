// The input types every calculator shares, defined in the kernel (which reads them) and public here.
export type { Accessor, Values } from '../internal/values';
