import type { Outgoing } from '@kaeru/core';
import { escapeMrkdwn } from './mrkdwn';

/** Block Kit as plain JSON; only the few block shapes kaeru sends. */
export type SlackBlock =
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'actions'; block_id: string; elements: SlackButton[] };

export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
}

/** What `chat.postMessage` / `chat.update` get: `text` is the notification and screen-reader fallback. */
export interface SlackMessage {
  text: string;
  blocks?: SlackBlock[];
}

// Slack's limits: section text 3000 chars, button text 75, button value 2000, 25 elements per actions block.
const SECTION_MAX = 3000;
const BUTTON_TEXT_MAX = 75;
const BUTTON_VALUE_MAX = 2000;
const ACTIONS_MAX = 25;

/** The prefix of every kaeru button's `action_id`; the parser only reads kaeru's own buttons. */
export const ACTION_PREFIX = 'kaeru_';

/**
 * An `Outgoing` as a Slack message. Messages with buttons become a section plus
 * actions blocks (the buttons degrade to the `text` fallback in notifications);
 * others are text only. All text is escaped: kaeru never sends a mention.
 */
export function renderMessage(outgoing: Outgoing): SlackMessage {
  const text = escapeMrkdwn(outgoing.text);
  const buttons = outgoing.buttons ?? [];
  if (buttons.length === 0) return { text };
  const blocks: SlackBlock[] = splitSections(text).map((part) => ({ type: 'section', text: { type: 'mrkdwn', text: part } }));
  for (let start = 0; start < buttons.length; start += ACTIONS_MAX) {
    blocks.push({
      type: 'actions',
      block_id: `kaeru_${outgoing.kind}_${start / ACTIONS_MAX}`,
      elements: buttons.slice(start, start + ACTIONS_MAX).map((button, i) => ({
        type: 'button',
        action_id: `${ACTION_PREFIX}${start + i}`,
        // plain_text is never parsed for mentions, so labels need no escaping.
        text: { type: 'plain_text', text: truncate(button.label, BUTTON_TEXT_MAX), emoji: true },
        value: button.value.slice(0, BUTTON_VALUE_MAX),
      })),
    });
  }
  return { text, blocks };
}

/** Splits at line breaks so each section stays under Slack's limit. */
function splitSections(text: string): string[] {
  if (text.length <= SECTION_MAX) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const piece = line.length > SECTION_MAX ? line.slice(0, SECTION_MAX - 1) + '…' : line;
    if (current && current.length + 1 + piece.length > SECTION_MAX) {
      parts.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) parts.push(current);
  return parts;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
