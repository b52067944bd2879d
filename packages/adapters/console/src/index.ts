export { ConsoleAdapter, createConsoleAdapter, type ConsoleAdapterConfig, type ConsoleClock } from './console-adapter';
export { parseConsoleLine, findByIdOrName, CONSOLE_COMMANDS, type ConsoleLine, type ConsoleCommand, type Named } from './console-line';
export type { ConsoleLocale } from './console-messages';
export { parseTimeArgument, zonedInstant, localParts, addDays, type LocalParts } from './local-time';
export { renderMessage, renderButtons, labelOf } from './render';
