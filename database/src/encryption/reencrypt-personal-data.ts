// Re-encrypts every sealed value that is not under the active key (after a key rotation). Batched, one
// transaction per batch, resumable: run it again after an interruption and it continues where it stopped.
import type { DataSource } from "typeorm";
import type { FieldCipher } from "@churchhub/field-encryption";
import { ENCRYPTED_COLUMNS, type EncryptedColumn } from "./encrypted-columns.js";

interface ReencryptReport {
  /** "table.column" → values rewritten. */
  rewritten: Record<string, number>;
  total: number;
}

const BATCH = 500;

async function reencryptColumn(dataSource: DataSource, cipher: FieldCipher, target: EncryptedColumn): Promise<number> {
  const activePrefix = `v1.${cipher.activeKeyId}.`;
  let rewritten = 0;
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      const rows: Array<{ pk: string; value: string }> = await manager.query(
        `SELECT "${target.primaryKey}" AS pk, "${target.column}" AS value FROM "${target.table}"
          WHERE "${target.column}" IS NOT NULL AND left("${target.column}", $1) <> $2
          LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [activePrefix.length, activePrefix],
      );
      for (const row of rows) {
        const plaintext = cipher.decrypt(row.value, target.purpose);
        const keyIdAssignment = target.keyIdColumn ? `, "${target.keyIdColumn}" = $3` : "";
        await manager.query(
          `UPDATE "${target.table}" SET "${target.column}" = $1${keyIdAssignment} WHERE "${target.primaryKey}" = $2`,
          target.keyIdColumn
            ? [cipher.encrypt(plaintext, target.purpose), row.pk, cipher.activeKeyId]
            : [cipher.encrypt(plaintext, target.purpose), row.pk],
        );
      }
      rewritten += rows.length;
      return rows.length < BATCH;
    });
    if (done) return rewritten;
  }
}

export async function reencryptPersonalData(dataSource: DataSource, cipher: FieldCipher): Promise<ReencryptReport> {
  const report: ReencryptReport = { rewritten: {}, total: 0 };
  for (const target of ENCRYPTED_COLUMNS) {
    const count = await reencryptColumn(dataSource, cipher, target);
    report.rewritten[`${target.table}.${target.column}`] = count;
    report.total += count;
  }
  return report;
}

/** How many values are still under a key other than the active one (0 after a complete run). */
export async function countValuesNotUnderActiveKey(dataSource: DataSource, cipher: FieldCipher): Promise<number> {
  const activePrefix = `v1.${cipher.activeKeyId}.`;
  let count = 0;
  for (const target of ENCRYPTED_COLUMNS) {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM "${target.table}" WHERE "${target.column}" IS NOT NULL AND left("${target.column}", $1) <> $2`,
      [activePrefix.length, activePrefix],
    );
    count += row.n;
  }
  return count;
}
