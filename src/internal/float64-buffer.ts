/** A growable array of doubles (no domain meaning: any code collecting numbers of unknown count). */
const EMPTY = new Float64Array(0);

/** A growable array of doubles, handed on as a typed-array view. Allocates nothing until the first push. */
export class Float64Buffer {
  data: Float64Array = EMPTY;
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(Math.max(16, this.data.length * 2));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
