import { inject, injectable } from 'inversify';
import { TOKENS } from '../tokens';
import type { Handler, Turn } from './handler';
import { CancelHandler } from './handlers/cancel-handler';
import { DeclareHandler } from './handlers/declare-handler';
import { HelpHandler } from './handlers/help-handler';
import { HolidayHandler } from './handlers/holiday-handler';
import { ReportHandler } from './handlers/report-handler';
import { SearchHandler } from './handlers/search-handler';
import { UnknownHandler } from './handlers/unknown-handler';

/** Every handler in the order they are asked: the embedder's first, then the built-in ones. */
@injectable()
export class HandlerRegistry {
  readonly all: Handler[];

  constructor(
    @inject(TOKENS.ExtraHandlers) extra: Handler[],
    @inject(DeclareHandler) declare: DeclareHandler,
    @inject(CancelHandler) cancel: CancelHandler,
    @inject(ReportHandler) report: ReportHandler,
    @inject(SearchHandler) search: SearchHandler,
    @inject(HolidayHandler) holiday: HolidayHandler,
    @inject(HelpHandler) help: HelpHandler,
    @inject(UnknownHandler) private readonly unknown: UnknownHandler,
  ) {
    this.all = [...extra, declare, cancel, report, search, holiday, help];
    help.listFrom(() => this.all);
  }

  /** The first handler that takes the turn; the unknown handler when none does. */
  pick(turn: Turn): Handler {
    return this.all.find((h) => h.canHandle(turn)) ?? this.unknown;
  }
}
