/**
 * Escapes the three characters Slack's mrkdwn gives meaning to, so text from people
 * (a display name `<!channel>`, `<@U1>`, `<https://evil|click>`) is shown, never executed.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Undoes Slack's escaping of a received message (Slack sends `&lt;` for `<`), so core
 * reads what the member typed.
 */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
