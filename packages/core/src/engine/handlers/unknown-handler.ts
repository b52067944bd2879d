import { injectable } from 'inversify';
import { messages } from '../../i18n/messages';
import type { Handler, Reply, Turn } from '../handler';

const QUOTE_MAX = 40;

/** The last resort: says the text was not understood and shows examples. Stores nothing. */
@injectable()
export class UnknownHandler implements Handler {
  readonly name = 'unknown';
  readonly help = {
    ja: { summary: '', examples: [] },
    en: { summary: '', examples: [] },
  };

  canHandle(): boolean {
    return true;
  }

  async handle(turn: Turn): Promise<Reply[]> {
    const shown = turn.text.length > QUOTE_MAX ? `${turn.text.slice(0, QUOTE_MAX)}…` : turn.text;
    return [{ text: messages(turn.locale).notUnderstood(shown) }];
  }
}
