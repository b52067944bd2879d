import { inject, injectable } from 'inversify';
import { formatDay, messages } from '../../i18n/messages';
import { DeclarationService } from '../declarations';
import type { Handler, Reply, Turn } from '../handler';

/** 「取り消し」 / "cancel": clears the day's declaration, keeping it in the history. */
@injectable()
export class CancelHandler implements Handler {
  readonly name = 'cancel';
  readonly help = {
    ja: { summary: '登録した予定を取り消します', examples: ['取り消し', '明日の予定を取り消し'] },
    en: { summary: 'Clear what you declared', examples: ['cancel', 'cancel tomorrow'] },
  };

  constructor(
    @inject(DeclarationService) private readonly declarations: DeclarationService,
  ) {}

  canHandle(turn: Turn): boolean {
    return turn.understanding.intent === 'cancel';
  }

  async handle(turn: Turn): Promise<Reply[]> {
    if (turn.understanding.intent !== 'cancel') return [];
    const { date } = turn.understanding;
    const m = messages(turn.locale);
    const day = formatDay(date, turn.today, turn.locale);
    const [result] = await this.declarations.set(turn.member, [date], undefined, turn.now, turn.text);
    if (!result.before) return [{ text: m.nothingToCancel(day) }];
    return [{ text: m.cancelled(day, result.before) }];
  }
}
