// What the database writers need: a DataSource (one statement, its own transaction) or the
// EntityManager of a transaction in progress. Both answer `query(sql, parameters)`.
import type { EntityManager } from "typeorm";

export type Queryable = Pick<EntityManager, "query">;
