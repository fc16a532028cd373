// The webhook secrets accepted right now: the current one, and during a rotation the previous one
// until its cut-off time, so deliveries signed before Cal.com picked up the new secret still verify.
interface WebhookSecretSettings {
  current: string;
  previous?: string;
  previousUntil?: string;
}

export function acceptedWebhookSecrets(settings: WebhookSecretSettings, clock: () => Date): () => readonly string[] {
  const until = settings.previousUntil ? new Date(settings.previousUntil).getTime() : undefined;
  return () => {
    if (settings.previous && until !== undefined && clock().getTime() < until)
      return [settings.current, settings.previous];
    return [settings.current];
  };
}
