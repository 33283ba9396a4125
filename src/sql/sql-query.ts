/**
 * The SQL engines the generators of `cx-metrics/sql` write for:
 * DuckDB, PostgreSQL, Google BigQuery (GoogleSQL), Snowflake and Spark SQL (3.4 or newer).
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'bigquery' | 'snowflake' | 'spark';

/** One bind parameter of a {@link SqlQuery}: always a whole number (a period index), never text. */
export interface SqlParameter {
  /**
   * The parameter's name: bind it by this name in BigQuery (`@endPeriod`) and Spark
   * (`:endPeriod`); DuckDB and PostgreSQL (`$1`) and Snowflake (`:1`) bind by position, the
   * order of {@link SqlQuery.parameters}.
   */
  readonly name: string;
  /** Its value, a safe integer. */
  readonly value: number;
}

/**
 * A generated query: the SQL text and the values to bind. No value is ever spliced into the
 * text: table and column names are validated and quoted, instants become bind parameters, and
 * the only literals are the library's own constants (milliseconds per unit, the epoch).
 */
export interface SqlQuery {
  /** The dialect the text is written in. */
  readonly dialect: SqlDialect;
  /** The SQL text, one statement, no trailing semicolon. */
  readonly sql: string;
  /** The bind parameters, in positional order (`$1`, `$2`… or `:1`, `:2`…). */
  readonly parameters: readonly SqlParameter[];
  /** The values of {@link SqlQuery.parameters} in order, for drivers that bind by position. */
  readonly values: readonly number[];
  /** The values of {@link SqlQuery.parameters} by name, for drivers that bind by name. */
  readonly namedValues: Readonly<Record<string, number>>;
}
