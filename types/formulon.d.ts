/** The part of formulon's API the offline formula tests use (the package ships no types). */
declare module 'formulon' {
  /** Evaluates a formula with the given identifier substitutions. */
  export function parse(formula: string, substitutions?: Record<string, unknown>): unknown;
  /** The identifiers a formula references. */
  export function extract(formula: string): string[];
  /** The formula's syntax tree (callExpression / identifier / literal nodes). */
  export function ast(formula: string): unknown;
}
