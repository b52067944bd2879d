import type { Outgoing } from '@kaeru/core';
import { ADAPTIVE_CARD, renderCard } from './card';
import { renderText } from './text';

/** The parts of an outgoing activity kaeru sets; conversation and sender are added when sent. */
export interface RenderedActivity {
  type: 'message';
  text?: string;
  textFormat?: 'xml';
  /** The notification and chat-list preview of a card. */
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
}

/**
 * Hearings and reminders (with buttons) and reports become Adaptive Cards; replies
 * (confirmations, help, search) become text, so they read like a person's message.
 */
export function renderActivity(outgoing: Outgoing): RenderedActivity {
  const asCard = outgoing.kind === 'report' || (outgoing.buttons?.length ?? 0) > 0;
  if (!asCard) return { type: 'message', ...renderText(outgoing.text) };
  return {
    type: 'message',
    summary: outgoing.text.split('\n')[0].slice(0, 200),
    attachments: [{ contentType: ADAPTIVE_CARD, content: renderCard(outgoing) }],
  };
}
