// Builds the TypeORM DataSource. Schema changes only ever arrive through the migrations listed here:
// `synchronize` stays off so that production schema is exactly what the migrations say.
import "reflect-metadata";
import { DataSource } from "typeorm";
import { AuditLog, Booking, ContextSummary, ManagedUserToken, Policy, User } from "./entities/index.js";
import { migrations } from "./migrations/index.js";

export const entities = [User, Booking, AuditLog, Policy, ContextSummary, ManagedUserToken];

interface DataSourceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url: options.url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // gen_random_uuid() is built into Postgres 13+; the app never needs rights to create extensions.
    uuidExtension: "pgcrypto",
    installExtensions: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? "churchhub-booking",
    // Fail fast when Postgres is away so Temporal's retry policy, not a hung socket, decides what happens.
    connectTimeoutMS: 5_000,
    extra: { statement_timeout: 30_000, idleTimeoutMillis: 30_000 },
  });
}
