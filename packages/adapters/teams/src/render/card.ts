import type { Outgoing } from '@kaeru/core';

/** The Adaptive Card content type Teams renders. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Adaptive Card JSON; only the few element shapes kaeru sends. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  msteams?: { width: 'Full' };
}

export type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; weight?: 'Bolder'; size?: 'Medium'; spacing?: 'None' | 'Small' }
  | { type: 'ActionSet'; actions: SubmitAction[] };

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  /** Comes back as the message activity's `value`; `kaeru` carries the button value verbatim. */
  data: { kaeru: string };
}

// Teams shows about six actions in a row before it hides the rest behind "…"; smaller rows stay visible on phones.
const ACTIONS_PER_ROW = 4;
// Card payloads must stay under ~28 KB; a board is far smaller, this only guards runaway text.
const TEXT_MAX = 20_000;
const TITLE_MAX = 60;

/**
 * A hearing (with buttons) or a report as an Adaptive Card 1.4 (the newest version every
 * Teams client renders): the first line as a title, the rest line by line, buttons as
 * `Action.Submit` rows. Card text is markdown to Teams, so text from people is escaped.
 */
export function renderCard(outgoing: Outgoing): AdaptiveCard {
  const [title, ...rest] = outgoing.text.slice(0, TEXT_MAX).split('\n');
  const body: CardElement[] = [{ type: 'TextBlock', text: escapeCardMarkdown(title), wrap: true, weight: 'Bolder', size: 'Medium' }];
  for (const line of rest) {
    // An empty TextBlock renders as nothing; keep the blank line as spacing instead.
    body.push({ type: 'TextBlock', text: line.trim() ? escapeCardMarkdown(line) : ' ', wrap: true, spacing: 'None' });
  }
  const buttons = outgoing.buttons ?? [];
  for (let start = 0; start < buttons.length; start += ACTIONS_PER_ROW) {
    body.push({
      type: 'ActionSet',
      actions: buttons.slice(start, start + ACTIONS_PER_ROW).map((button) => ({
        type: 'Action.Submit',
        title: truncate(button.label, TITLE_MAX),
        data: { kaeru: button.value },
      })),
    });
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(outgoing.kind === 'report' ? { msteams: { width: 'Full' as const } } : {}),
  };
}

/**
 * Backslash-escapes what Adaptive Card markdown gives meaning to (emphasis, links, lists,
 * headings), so a display name `[click](https://evil)` or `**boss**` is shown as typed.
 */
export function escapeCardMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]()#~>|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
