/** A `.d.ts` text with its relative module specifiers (`'./x.js'`) turned into `'./x.cjs'`. */
export function toCommonJsDeclarations(text: string): string {
  return text.replace(/(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\.js\2/g, '$1$2$3.cjs$2');
}
