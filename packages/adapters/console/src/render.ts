import type { Button, Outgoing, Target } from '@kaeru/core';

/** `[DM → 山田 洋子]` or `[#営業部]`: who a message went to, so a transcript reads well. */
export function labelOf(target: Target, name: string): string {
  return target.kind === 'member' ? `[DM → ${name}]` : `[#${name}]`;
}

/** `  [1] 定時 18:00  [2] 18:30 …`: buttons are clicked by typing their number. */
export function renderButtons(buttons: readonly Button[]): string {
  return buttons.map((b, i) => `  [${i + 1}] ${b.label}`).join('');
}

/**
 * One sent (or edited) message as console lines: the label on the first line, later
 * lines indented under it, buttons on a line of their own.
 */
export function renderMessage(label: string, message: Outgoing, updated = false): string {
  const [first, ...rest] = message.text.split('\n');
  const lines = [`${label}${updated ? ' (updated)' : ''} ${first}`, ...rest.map((line) => `  ${line}`)];
  if (message.buttons?.length) lines.push(renderButtons(message.buttons));
  return lines.join('\n');
}
