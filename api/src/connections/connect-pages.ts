// The few HTML pages a host sees while connecting: plain, accessible, no scripts, every value escaped.
// They never show tokens, codes or why exactly a state was refused beyond what helps the person.

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function connectPage(input: { title: string; churchName: string; paragraphs: string[]; link?: { href: string; text: string } }): string {
  const body = input.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  const link = input.link ? `<p><a href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.text)}</a></p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · ${escapeHtml(input.churchName)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5">
<main><h1>${escapeHtml(input.title)}</h1>
${body}
${link}</main></body></html>`;
}
