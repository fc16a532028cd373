// The icons the Booker draws with `<use href="#name">`, inlined so they work without any request.
//
// @calcom/atoms 2.6.0 loads its icon sprite from a URL fixed when the package was built
// ("localhost:3000/icons/sprite.svg", not a fetchable URL; later 2.6.x use https://app.cal.com, a
// third-party request). Its icons then reference symbols that are not in the page, and the month
// arrows and other icons stay blank. Path data: Lucide (ISC licence), the set Cal.com uses.
// On each symbol: a <use> instance inherits from where it is used, not from this <svg>.
const STROKE = {
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
} as const;

export function IconSprite() {
  return (
    <svg aria-hidden="true" focusable="false" style={{ position: "absolute", width: 0, height: 0, overflow: "hidden" }}>
      <symbol id="alert-circle" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="12" r="10" />
        <line x1="12" x2="12" y1="8" y2="12" />
        <line x1="12" x2="12.01" y1="16" y2="16" />
      </symbol>
      <symbol id="arrow-left" viewBox="0 0 24 24" {...STROKE}>
        <path d="m12 19-7-7 7-7M19 12H5" />
      </symbol>
      <symbol id="arrow-right" viewBox="0 0 24 24" {...STROKE}>
        <path d="M5 12h14M12 5l7 7-7 7" />
      </symbol>
      <symbol id="calendar" viewBox="0 0 24 24" {...STROKE}>
        <rect width="18" height="18" x="3" y="4" rx="2" />
        <line x1="16" x2="16" y1="2" y2="6" />
        <line x1="8" x2="8" y1="2" y2="6" />
        <line x1="3" x2="21" y1="10" y2="10" />
      </symbol>
      <symbol id="calendar-days" viewBox="0 0 24 24" {...STROKE}>
        <rect width="18" height="18" x="3" y="4" rx="2" />
        <line x1="16" x2="16" y1="2" y2="6" />
        <line x1="8" x2="8" y1="2" y2="6" />
        <line x1="3" x2="21" y1="10" y2="10" />
        <path d="M8 14h.01M12 14h.01M16 14h.01M8 18h.01M12 18h.01M16 18h.01" />
      </symbol>
      <symbol id="calendar-search" viewBox="0 0 24 24" {...STROKE}>
        <path d="M21 12V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7.5" />
        <path d="M16 2v4" />
        <path d="M8 2v4" />
        <path d="M3 10h18" />
        <path d="M18 21a3 3 0 1 0 0-6 3 3 0 0 0 0 6v0Z" />
        <path d="m22 22-1.5-1.5" />
      </symbol>
      <symbol id="calendar-x-2" viewBox="0 0 24 24" {...STROKE}>
        <path d="M8 2v4" />
        <path d="M16 2v4" />
        <path d="M21 13V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h8" />
        <path d="M3 10h18" />
        <path d="m17 22 5-5" />
        <path d="m17 17 5 5" />
      </symbol>
      <symbol id="check" viewBox="0 0 24 24" {...STROKE}>
        <path d="M20 6 9 17l-5-5" />
      </symbol>
      <symbol id="chevron-left" viewBox="0 0 24 24" {...STROKE}>
        <path d="m15 18-6-6 6-6" />
      </symbol>
      <symbol id="chevron-right" viewBox="0 0 24 24" {...STROKE}>
        <path d="m9 18 6-6-6-6" />
      </symbol>
      <symbol id="circle" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="12" r="10" />
      </symbol>
      <symbol id="circle-check" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="12" r="10" />
        <path d="m9 12 2 2 4-4" />
      </symbol>
      <symbol id="clock" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="12" r="10" />
        <path d="M12 6v6l4 2" />
      </symbol>
      <symbol id="copy" viewBox="0 0 24 24" {...STROKE}>
        <rect width="14" height="14" x="8" y="8" rx="2" ry="2" />
        <path d="M4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2" />
      </symbol>
      <symbol id="credit-card" viewBox="0 0 24 24" {...STROKE}>
        <rect width="18" height="14" x="3" y="5" rx="2" />
        <line x1="3" x2="21" y1="10" y2="10" />
      </symbol>
      <symbol id="ellipsis" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="5" cy="12" r="1" />
        <circle cx="12" cy="12" r="1" />
        <circle cx="19" cy="12" r="1" />
      </symbol>
      <symbol id="ellipsis-vertical" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="5" r="1" />
        <circle cx="12" cy="12" r="1" />
        <circle cx="12" cy="19" r="1" />
      </symbol>
      <symbol id="external-link" viewBox="0 0 24 24" {...STROKE}>
        <path d="M15 3h6v6" />
        <path d="M10 14 21 3" />
        <path d="M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6" />
      </symbol>
      <symbol id="globe" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="12" r="10" />
        <path d="M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20" />
        <path d="M2 12h20" />
      </symbol>
      <symbol id="grid-3x3" viewBox="0 0 24 24" {...STROKE}>
        <rect width="5" height="5" x="3" y="3" rx="1" />
        <rect width="5" height="5" x="9.5" y="3" rx="1" />
        <rect width="5" height="5" x="16" y="3" rx="1" />
        <rect width="5" height="5" x="3" y="9.5" rx="1" />
        <rect width="5" height="5" x="9.5" y="9.5" rx="1" />
        <rect width="5" height="5" x="16" y="9.5" rx="1" />
        <rect width="5" height="5" x="3" y="16" rx="1" />
        <rect width="5" height="5" x="9.5" y="16" rx="1" />
        <rect width="5" height="5" x="16" y="16" rx="1" />
      </symbol>
      <symbol id="info" viewBox="0 0 24 24" {...STROKE}>
        <circle cx="12" cy="12" r="10" />
        <path d="M12 16v-4" />
        <path d="M12 8h.01" />
      </symbol>
      <symbol id="link" viewBox="0 0 24 24" {...STROKE}>
        <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
        <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
      </symbol>
      <symbol id="map-pin" viewBox="0 0 24 24" {...STROKE}>
        <path d="M20 10c0 4.993-5.539 10.193-7.399 11.799a1 1 0 0 1-1.202 0C9.539 20.193 4 14.993 4 10a8 8 0 0 1 16 0" />
        <circle cx="12" cy="10" r="3" />
      </symbol>
      <symbol id="pencil" viewBox="0 0 24 24" {...STROKE}>
        <path d="M12 20h9M16.5 3.5a2.12 2.12 0 1 1 3 3L7 19l-4 1 1-4Z" />
      </symbol>
      <symbol id="plus" viewBox="0 0 24 24" {...STROKE}>
        <path d="M12 5v14" />
        <path d="M5 12h14" />
      </symbol>
      <symbol id="refresh-ccw" viewBox="0 0 24 24" {...STROKE}>
        <path d="M3 12a9 9 0 0 1 9-9 9.75 9.75 0 0 1 6.74 2.74L21 8" />
        <path d="M21 3v5h-5" />
        <path d="M21 12a9 9 0 0 1-9 9 9.75 9.75 0 0 1-6.74-2.74L3 16" />
        <path d="M8 16H3v5" />
      </symbol>
      <symbol id="repeat" viewBox="0 0 24 24" {...STROKE}>
        <path d="m17 2 4 4-4 4" />
        <path d="M3 11v-1a4 4 0 0 1 4-4h14" />
        <path d="m7 22-4-4 4-4" />
        <path d="M21 13v1a4 4 0 0 1-4 4H3" />
      </symbol>
      <symbol id="settings" viewBox="0 0 24 24" {...STROKE}>
        <path d="M12.22 2h-.44a2 2 0 0 0-2 2v.18a2 2 0 0 1-1 1.73l-.43.25a2 2 0 0 1-2 0l-.15-.08a2 2 0 0 0-2.73.73l-.22.38a2 2 0 0 0 .73 2.73l.15.1a2 2 0 0 1 1 1.72v.51a2 2 0 0 1-1 1.74l-.15.09a2 2 0 0 0-.73 2.73l.22.38a2 2 0 0 0 2.73.73l.15-.08a2 2 0 0 1 2 0l.43.25a2 2 0 0 1 1 1.73V20a2 2 0 0 0 2 2h.44a2 2 0 0 0 2-2v-.18a2 2 0 0 1 1-1.73l.43-.25a2 2 0 0 1 2 0l.15.08a2 2 0 0 0 2.73-.73l.22-.39a2 2 0 0 0-.73-2.73l-.15-.08a2 2 0 0 1-1-1.74v-.5a2 2 0 0 1 1-1.74l.15-.09a2 2 0 0 0 .73-2.73l-.22-.38a2 2 0 0 0-2.73-.73l-.15.08a2 2 0 0 1-2 0l-.43-.25a2 2 0 0 1-1-1.73V4a2 2 0 0 0-2-2z" />
        <circle cx="12" cy="12" r="3" />
      </symbol>
      <symbol id="square-check" viewBox="0 0 24 24" {...STROKE}>
        <rect width="18" height="18" x="3" y="3" rx="2" />
        <path d="m9 12 2 2 4-4" />
      </symbol>
      <symbol id="star" viewBox="0 0 24 24" {...STROKE}>
        <path d="M11.525 2.295a.53.53 0 0 1 .95 0l2.31 4.679a2.123 2.123 0 0 0 1.595 1.16l5.166.756a.53.53 0 0 1 .294.904l-3.736 3.638a2.123 2.123 0 0 0-.611 1.878l.882 5.14a.53.53 0 0 1-.771.56l-4.618-2.428a2.122 2.122 0 0 0-1.973 0L6.396 21.01a.53.53 0 0 1-.77-.56l.881-5.139a2.122 2.122 0 0 0-.611-1.879L2.16 9.795a.53.53 0 0 1 .294-.906l5.165-.755a2.122 2.122 0 0 0 1.597-1.16z" />
      </symbol>
      <symbol id="trash" viewBox="0 0 24 24" {...STROKE}>
        <path d="M3 6h18" />
        <path d="M8 6V4h8v2" />
        <path d="M19 6l-1 14H6L5 6" />
        <path d="M10 11v6" />
        <path d="M14 11v6" />
      </symbol>
      <symbol id="trash-2" viewBox="0 0 24 24" {...STROKE}>
        <path d="M3 6h18" />
        <path d="M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6" />
        <path d="M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2" />
        <line x1="10" x2="10" y1="11" y2="17" />
        <line x1="14" x2="14" y1="11" y2="17" />
      </symbol>
      <symbol id="user" viewBox="0 0 24 24" {...STROKE}>
        <path d="M20 21v-2a4 4 0 0 0-4-4H8a4 4 0 0 0-4 4v2" />
        <circle cx="12" cy="7" r="4" />
      </symbol>
      <symbol id="user-plus" viewBox="0 0 24 24" {...STROKE}>
        <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
        <circle cx="9" cy="7" r="4" />
        <line x1="19" x2="19" y1="8" y2="14" />
        <line x1="22" x2="16" y1="11" y2="11" />
      </symbol>
      <symbol id="users" viewBox="0 0 24 24" {...STROKE}>
        <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
        <circle cx="9" cy="7" r="4" />
        <path d="M22 21v-2a4 4 0 0 0-3-3.87" />
        <path d="M16 3.13a4 4 0 0 1 0 7.75" />
      </symbol>
      <symbol id="video" viewBox="0 0 24 24" {...STROKE}>
        <path d="m16 13 5.223 3.482a.5.5 0 0 0 .777-.416V7.87a.5.5 0 0 0-.752-.432L16 10.5" />
        <rect x="2" y="6" width="14" height="12" rx="2" />
      </symbol>
      <symbol id="x" viewBox="0 0 24 24" {...STROKE}>
        <path d="M18 6 6 18" />
        <path d="m6 6 12 12" />
      </symbol>
    </svg>
  );
}
