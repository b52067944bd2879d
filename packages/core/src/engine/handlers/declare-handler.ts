import { inject, injectable } from 'inversify';
import type { DeclarationValue } from '../../domain/types';
import type { DeclareUnderstanding } from '../../language/types';
import { formatDay, messages } from '../../i18n/messages';
import { DeclarationService } from '../declarations';
import type { Handler, Reply, Turn } from '../handler';

/** Stores an answer (typed or clicked) and confirms exactly what was stored. */
@injectable()
export class DeclareHandler implements Handler {
  readonly name = 'declare';
  readonly help = {
    ja: { summary: '帰る時間を登録・変更します（何度でも変更できます）', examples: ['18時半', '定時', '19時頃', '未定', '直帰', '明日は17時', '12/24は休み'] },
    en: { summary: 'Tell me when you leave; send again to change it', examples: ['6:30pm', 'usual time', 'around 7pm', 'not sure', 'tomorrow at 5pm', 'off on 12/24'] },
  };

  constructor(
    @inject(DeclarationService) private readonly declarations: DeclarationService,
  ) {}

  canHandle(turn: Turn): boolean {
    return turn.understanding.intent === 'declare';
  }

  async handle(turn: Turn): Promise<Reply[]> {
    const u = turn.understanding as DeclareUnderstanding;
    const value: DeclarationValue = { state: u.state, time: u.time, approx: u.approx, range: u.range, lateNight: u.lateNight };
    const dates = u.dates?.length ? u.dates : [u.date];
    const results = await this.declarations.set(turn.member, dates, value, turn.now, turn.incoming.action ?? turn.text);
    const m = messages(turn.locale);
    const lines: string[] = [];
    if (results.length > 1) {
      lines.push(m.storedMany(dates, value));
    } else {
      const [r] = results;
      const day = formatDay(r.date, turn.today, turn.locale);
      if (!r.changed) lines.push(m.unchanged(day, value));
      else if (r.before) lines.push(m.changed(day, r.before, value));
      else lines.push(m.stored(day, value));
    }
    if (u.alternatives?.length && u.time) lines.push(m.reading(u.time, u.alternatives));
    return [{ text: lines.join('\n') }];
  }
}
