import type { ServiceIdentifier } from 'inversify';
import type { ResolvedConfig } from './config';
import type { Handler } from './engine/handler';
import type { ChatAdapter } from './ports/chat-adapter';
import type { Clock } from './ports/clock';
import type { HolidaySource } from './ports/holiday-source';
import type { Logger } from './ports/logger';
import type { Metrics } from './ports/metrics';
import type { Storage } from './ports/storage';

/** Every injection token of kaeru, in one place. */
export const TOKENS = {
  Storage: Symbol.for('kaeru.Storage') as ServiceIdentifier<Storage>,
  Clock: Symbol.for('kaeru.Clock') as ServiceIdentifier<Clock>,
  Logger: Symbol.for('kaeru.Logger') as ServiceIdentifier<Logger>,
  Metrics: Symbol.for('kaeru.Metrics') as ServiceIdentifier<Metrics>,
  HolidaySource: Symbol.for('kaeru.HolidaySource') as ServiceIdentifier<HolidaySource>,
  Adapters: Symbol.for('kaeru.Adapters') as ServiceIdentifier<ChatAdapter[]>,
  /** Handlers an embedder adds; tried before the built-in ones. */
  ExtraHandlers: Symbol.for('kaeru.ExtraHandlers') as ServiceIdentifier<Handler[]>,
  Config: Symbol.for('kaeru.Config') as ServiceIdentifier<ResolvedConfig>,
  /** This process's id in job claims. */
  InstanceId: Symbol.for('kaeru.InstanceId') as ServiceIdentifier<string>,
  /** How long a job claim protects a job whose holder may have died (ms). */
  LeaseMs: Symbol.for('kaeru.LeaseMs') as ServiceIdentifier<number>,
} as const;
