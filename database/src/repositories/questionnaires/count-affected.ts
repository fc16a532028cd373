// How many rows an UPDATE or DELETE … RETURNING changed. TypeORM's query() answers those two commands
// with [rows, affected] rather than the rows (PostgresQueryRunner), so counting the answer's length would
// always say 2; the statement is wrapped in a SELECT, whose answer is rows as for any other query.
import type { EntityManager } from "typeorm";

export async function countAffected(
  db: Pick<EntityManager, "query">,
  statementReturning: string,
  parameters: unknown[],
): Promise<number> {
  const [row] = await db.query(
    `WITH changed AS (${statementReturning}) SELECT count(*)::int AS n FROM changed`,
    parameters,
  );
  return row.n;
}
