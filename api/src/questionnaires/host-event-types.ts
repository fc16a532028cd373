// The Cal.com event types a host owns, so a questionnaire is attached only to its owner's event types.
// The host's username comes from what we know of that Cal.com user (bookings, a connected account, a
// managed user's cached token); the event types are Cal.com's public list for that username.
import type { CalClient, CalEventType } from "@churchhub/cal-client";
import type { DataSource } from "@churchhub/database";

export interface HostEventTypes {
  /** The host's public event types; empty when we know no username for that Cal.com user. */
  forCalUser(calUserId: number): Promise<CalEventType[]>;
}

export function createHostEventTypes(deps: {
  dataSource: DataSource;
  calClient: Pick<CalClient, "listPublicEventTypes">;
}): HostEventTypes {
  return {
    async forCalUser(calUserId) {
      const [known] = await deps.dataSource.query(
        `SELECT username FROM users WHERE cal_user_id = $1 AND username IS NOT NULL
         UNION ALL SELECT username FROM cal_connections WHERE cal_user_id = $1 AND status <> 'disconnected'
         UNION ALL SELECT username FROM managed_user_tokens WHERE cal_user_id = $1
         LIMIT 1`,
        [calUserId],
      );
      if (!known?.username) return [];
      return deps.calClient.listPublicEventTypes(known.username);
    },
  };
}
