// A private link's token as its page receives it: percent-decoded, or as it came when it is not valid
// percent-encoding (the api then answers the ordinary "not valid" 404, not our page a 500).
export function decodePathToken(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
