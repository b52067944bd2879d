import { Container, ContainerModule } from 'inversify';
import { CalendarService } from './calendar/calendar-service';
import { DeclarationService } from './engine/declarations';
import { Directory } from './engine/directory';
import { Engine } from './engine/engine';
import { HandlerRegistry } from './engine/handler-registry';
import { CancelHandler } from './engine/handlers/cancel-handler';
import { DeclareHandler } from './engine/handlers/declare-handler';
import { HelpHandler } from './engine/handlers/help-handler';
import { HolidayHandler } from './engine/handlers/holiday-handler';
import { ReportHandler } from './engine/handlers/report-handler';
import { SearchHandler } from './engine/handlers/search-handler';
import { UnknownHandler } from './engine/handlers/unknown-handler';
import { Outbox } from './engine/outbox';
import { ScheduleSignal } from './engine/signals';
import { ReportService } from './report/report-service';
import { JobRunner } from './scheduler/job-runner';
import { Scheduler } from './scheduler/scheduler';

/** core's services; the ports (TOKENS) are bound by whoever builds the container. */
export const coreModule = new ContainerModule(({ bind }) => {
  for (const service of [
    CalendarService,
    Directory,
    Outbox,
    ReportService,
    DeclarationService,
    ScheduleSignal,
    DeclareHandler,
    CancelHandler,
    ReportHandler,
    SearchHandler,
    HolidayHandler,
    HelpHandler,
    UnknownHandler,
    HandlerRegistry,
    Engine,
    JobRunner,
    Scheduler,
  ])
    bind(service).toSelf().inSingletonScope();
});

export function createContainer(): Container {
  const container = new Container();
  container.loadSync(coreModule);
  return container;
}
