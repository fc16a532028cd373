// Questionnaire definitions as staff keep them: an editable draft per questionnaire, immutable published
// versions (the database refuses changes to them), and the attachment of a questionnaire to a Cal.com
// event type. Definitions hold staff-written questions, not personal data: stored as plain JSON. Who may
// touch which questionnaire is decided by the caller (the api's staff scope), not here.
import type { DataSource } from "typeorm";
import { countAffected } from "./count-affected.js";

export interface QuestionnaireSummary {
  id: string;
  ownerCalUserId: number;
  title: string;
  /** Null until first published. */
  latestVersion: number | null;
  updatedAt: string;
}

export interface QuestionnaireDraft extends QuestionnaireSummary {
  draft: unknown;
}

export interface PublishedVersion {
  id: string;
  questionnaireId: string;
  version: number;
  title: string;
  definition: unknown;
  publishedAt: string;
}

export interface Attachment {
  eventTypeId: number;
  questionnaireId: string;
  required: boolean;
}

/** An attachment with the version visitors answer now (the newest published one). */
export interface AttachedVersion extends Attachment {
  ownerCalUserId: number;
  version: PublishedVersion;
}

// biome-ignore lint/suspicious/noExplicitAny: rows of a raw query are untyped until mapped here
type Row = Record<string, any>;

const summaryOf = (row: Row): QuestionnaireSummary => ({
  id: row.id,
  ownerCalUserId: row.owner_cal_user_id,
  title: row.title,
  latestVersion: row.latest_version ?? null,
  updatedAt: new Date(row.updated_at).toISOString(),
});

const versionOf = (row: Row): PublishedVersion => ({
  id: row.id,
  questionnaireId: row.questionnaire_id,
  version: row.version,
  title: row.title,
  definition: row.definition,
  publishedAt: new Date(row.published_at).toISOString(),
});

const SUMMARY = `SELECT q.*, (SELECT max(v.version) FROM questionnaire_versions v WHERE v.questionnaire_id = q.id)
                   AS latest_version FROM questionnaires q`;

export function createQuestionnaireDefinitions(deps: { dataSource: DataSource }) {
  const { dataSource } = deps;

  return {
    async create(input: { ownerCalUserId: number; title: string; draft: unknown }): Promise<QuestionnaireDraft> {
      const [row] = await dataSource.query(
        `INSERT INTO questionnaires (owner_cal_user_id, title, draft) VALUES ($1, $2, $3) RETURNING *`,
        [input.ownerCalUserId, input.title, JSON.stringify(input.draft)],
      );
      return { ...summaryOf(row), draft: row.draft };
    },

    /** The questionnaire with its draft, or null. */
    async get(id: string): Promise<QuestionnaireDraft | null> {
      const [row] = await dataSource.query(`${SUMMARY} WHERE q.id = $1`, [id]);
      return row ? { ...summaryOf(row), draft: row.draft } : null;
    },

    /** Every questionnaire, or only one owner's. */
    async list(ownerCalUserId: number | null): Promise<QuestionnaireSummary[]> {
      const rows: Row[] =
        ownerCalUserId === null
          ? await dataSource.query(`${SUMMARY} ORDER BY q.updated_at DESC`)
          : await dataSource.query(`${SUMMARY} WHERE q.owner_cal_user_id = $1 ORDER BY q.updated_at DESC`, [
              ownerCalUserId,
            ]);
      return rows.map(summaryOf);
    },

    async updateDraft(id: string, input: { title: string; draft: unknown }): Promise<QuestionnaireDraft | null> {
      await dataSource.query(`UPDATE questionnaires SET title = $2, draft = $3, updated_at = now() WHERE id = $1`, [
        id,
        input.title,
        JSON.stringify(input.draft),
      ]);
      return this.get(id);
    },

    /** Copies the draft into the next version number; concurrent publishes get distinct numbers. */
    async publish(id: string, publishedBy: string): Promise<PublishedVersion | null> {
      return dataSource.transaction(async (manager) => {
        const [questionnaire] = await manager.query(`SELECT * FROM questionnaires WHERE id = $1 FOR UPDATE`, [id]);
        if (!questionnaire) return null;
        const [row] = await manager.query(
          `INSERT INTO questionnaire_versions (questionnaire_id, version, title, definition, published_by)
           SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4 FROM questionnaire_versions WHERE questionnaire_id = $1
           RETURNING *`,
          [id, questionnaire.title, JSON.stringify(questionnaire.draft), publishedBy],
        );
        return versionOf(row);
      });
    },

    /** Newest first. */
    async versions(questionnaireId: string): Promise<PublishedVersion[]> {
      const rows: Row[] = await dataSource.query(
        `SELECT * FROM questionnaire_versions WHERE questionnaire_id = $1 ORDER BY version DESC`,
        [questionnaireId],
      );
      return rows.map(versionOf);
    },

    async version(versionId: string): Promise<PublishedVersion | null> {
      const [row] = await dataSource.query(`SELECT * FROM questionnaire_versions WHERE id = $1`, [versionId]);
      return row ? versionOf(row) : null;
    },

    /** Attaches (or re-attaches) a questionnaire to an event type: one questionnaire per event type. */
    async attach(input: Attachment & { attachedBy: string }): Promise<void> {
      await dataSource.query(
        `INSERT INTO questionnaire_attachments (cal_event_type_id, questionnaire_id, required, attached_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (cal_event_type_id) DO UPDATE SET questionnaire_id = EXCLUDED.questionnaire_id,
           required = EXCLUDED.required, attached_by = EXCLUDED.attached_by, attached_at = now()`,
        [input.eventTypeId, input.questionnaireId, input.required, input.attachedBy],
      );
    },

    /** True when something was attached to that event type by that questionnaire. */
    async detach(input: { eventTypeId: number; questionnaireId: string }): Promise<boolean> {
      return (
        (await countAffected(
          dataSource,
          `DELETE FROM questionnaire_attachments WHERE cal_event_type_id = $1 AND questionnaire_id = $2 RETURNING 1`,
          [input.eventTypeId, input.questionnaireId],
        )) > 0
      );
    },

    async attachments(questionnaireId: string): Promise<Attachment[]> {
      const rows: Row[] = await dataSource.query(
        `SELECT * FROM questionnaire_attachments WHERE questionnaire_id = $1 ORDER BY cal_event_type_id`,
        [questionnaireId],
      );
      return rows.map((row) => ({
        eventTypeId: row.cal_event_type_id,
        questionnaireId: row.questionnaire_id,
        required: row.required,
      }));
    },

    /** What visitors of an event type answer: null without an attachment or before the first publish. */
    async forEventType(eventTypeId: number): Promise<AttachedVersion | null> {
      const [row] = await dataSource.query(
        `SELECT a.cal_event_type_id, a.required, q.owner_cal_user_id, v.*
           FROM questionnaire_attachments a
           JOIN questionnaires q ON q.id = a.questionnaire_id
           JOIN LATERAL (SELECT * FROM questionnaire_versions v WHERE v.questionnaire_id = a.questionnaire_id
                          ORDER BY v.version DESC LIMIT 1) v ON TRUE
          WHERE a.cal_event_type_id = $1`,
        [eventTypeId],
      );
      if (!row) return null;
      return {
        eventTypeId: row.cal_event_type_id,
        questionnaireId: row.questionnaire_id,
        required: row.required,
        ownerCalUserId: row.owner_cal_user_id,
        version: versionOf(row),
      };
    },
  };
}

export type QuestionnaireDefinitions = ReturnType<typeof createQuestionnaireDefinitions>;
