/**
 * A plain kaeru reply as Teams text. Teams reads bot text as markdown, where single line
 * breaks collapse and `*`, `_`, `[..](..)` format; sent as `xml` (Teams' HTML subset)
 * with every character escaped and `<br>` for line breaks, the text shows exactly as
 * core wrote it, and a display name can never become a link or an `<at>` mention.
 */
export function renderText(text: string): { text: string; textFormat: 'xml' } {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return { text: escaped.replace(/\r?\n/g, '<br>'), textFormat: 'xml' };
}
