import type { TeamsActivity } from './activity';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

/**
 * What the member typed: the bot's own @mention removed (Teams puts `<at>kaeru</at>` in
 * the text of every channel message addressed to the bot), tags of rich text dropped,
 * HTML entities decoded, whitespace collapsed.
 */
export function messageText(activity: TeamsActivity): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    if (entity.type === 'mention' && entity.mentioned?.id === activity.recipient?.id && entity.text) text = text.split(entity.text).join(' ');
  }
  // A mention of the bot without an entity (older clients) is still only addressing it.
  text = text.replace(/^\s*<at>[^<]*<\/at>/i, ' ');
  text = text.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '');
  text = text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]);
  return text.replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}
