/** Where a sent message is, for `updateActivity`: the conversation and the activity id Teams gave it. */
export interface MessageRef {
  conversationId: string;
  activityId: string;
}

// Teams conversation and activity ids never contain `|`.
const SEPARATOR = '|';

/** Core stores refs as opaque strings: `<conversation id>|<activity id>`. */
export function encodeMessageRef(ref: MessageRef): string {
  return `${ref.conversationId}${SEPARATOR}${ref.activityId}`;
}

export function decodeMessageRef(text: string): MessageRef | undefined {
  const cut = text.lastIndexOf(SEPARATOR);
  if (cut <= 0 || cut === text.length - 1) return undefined;
  return { conversationId: text.slice(0, cut), activityId: text.slice(cut + 1) };
}
