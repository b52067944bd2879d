import { injectable } from 'inversify';
import { messages } from '../../i18n/messages';
import type { Handler, Reply, Turn } from '../handler';

/** 「ヘルプ」 / "help": generated from the registered handlers, so an added handler shows up by itself. */
@injectable()
export class HelpHandler implements Handler {
  readonly name = 'help';
  readonly help = {
    ja: { summary: 'この使い方を表示します', examples: ['ヘルプ', '使い方'] },
    en: { summary: 'Show this help', examples: ['help', '?'] },
  };
  private handlers: () => Handler[] = () => [];

  /** The registry hands over the full list once it exists (help is one of them). */
  listFrom(handlers: () => Handler[]): void {
    this.handlers = handlers;
  }

  canHandle(turn: Turn): boolean {
    return turn.understanding.intent === 'help';
  }

  async handle(turn: Turn): Promise<Reply[]> {
    const m = messages(turn.locale);
    const quote = (s: string): string => (turn.locale === 'ja' ? `「${s}」` : `"${s}"`);
    const lines = this.handlers().map((h) => {
      const help = h.help[turn.locale];
      return `・${help.summary}\n    ${m.examplesLabel()}: ${help.examples.map(quote).join(' ')}`;
    });
    return [{ text: [m.helpTitle(), ...lines].join('\n') }];
  }
}
