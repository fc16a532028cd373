// The few HTML pages a host sees while connecting: plain, accessible, no scripts, every value escaped.
// They never show tokens, codes or why exactly a state was refused beyond what helps the person.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

interface ConnectPageContent {
  title: string;
  churchName: string;
  paragraphs: string[];
  link?: { href: string; text: string };
  /** Paragraphs after the link. */
  afterLink?: string[];
  /** Further paragraphs, each with a link, after the main one. */
  notes?: Array<{ text: string; href: string; linkText: string }>;
  /** A button posting back to `action` (no JavaScript: a plain form). */
  form?: { action: string; button: string };
}

export function connectPage(input: ConnectPageContent): string {
  const body = input.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n");
  const link = [
    input.link ? `<p><a href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.text)}</a></p>` : "",
    ...(input.afterLink ?? []).map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(input.notes ?? []).map(
      (note) => `<p>${escapeHtml(note.text)} <a href="${escapeHtml(note.href)}">${escapeHtml(note.linkText)}</a></p>`,
    ),
    input.form
      ? `<form method="post" action="${escapeHtml(input.form.action)}"><button type="submit">${escapeHtml(input.form.button)}</button></form>`
      : "",
  ].join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · ${escapeHtml(input.churchName)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<main><h1>${escapeHtml(input.title)}</h1>
${body}
${link}</main></body></html>`;
}
