import type { DeclarationState, DeclarationValue, Locale, Room } from '../domain/types';
import type { DeclareUnderstanding } from '../language/types';
import type { Button } from '../ports/chat-adapter';
import { isDate, isTime, minutesOf, timeOfMinutes } from '../calendar/zoned';
import { messages } from '../i18n/messages';

const ACTION_PREFIX = 'kaeru:declare:';
const STATES: DeclarationState[] = ['leaving', 'undecided', 'direct', 'off', 'half_am', 'half_pm'];

/** A button value carries its own date, so a click the next morning still means the day it was asked for. */
export function declareAction(date: string, value: DeclarationValue): string {
  return `${ACTION_PREFIX}${date}:${value.state}${value.time ? `:${value.time}` : ''}`;
}

/** Reads a button value back; `undefined` for anything that is not one of ours. */
export function parseAction(action: string): DeclareUnderstanding | undefined {
  if (!action.startsWith(ACTION_PREFIX)) return undefined;
  const [date, state, hh, mm] = action.slice(ACTION_PREFIX.length).split(':');
  const time = hh !== undefined && mm !== undefined ? `${hh}:${mm}` : undefined;
  if (!isDate(date) || !STATES.includes(state as DeclarationState) || (time !== undefined && !isTime(time))) return undefined;
  return { intent: 'declare', date, state: state as DeclarationState, ...(time ? { time } : {}) };
}

/** The hearing's choices: 定時, a few times after it, 未定, 直帰, 休み. */
export function hearingButtons(date: string, room: Pick<Room, 'teiji'>, locale: Locale): Button[] {
  const labels = messages(locale).buttonLabels;
  const teiji = minutesOf(room.teiji);
  const times = [30, 60, 120].map((offset) => timeOfMinutes(teiji + offset)).filter((t) => minutesOf(t) > teiji);
  return [
    { label: `${labels.teiji} ${room.teiji}`, value: declareAction(date, { state: 'leaving', time: room.teiji }) },
    ...times.map((time) => ({ label: time, value: declareAction(date, { state: 'leaving', time }) })),
    { label: labels.undecided, value: declareAction(date, { state: 'undecided' }) },
    { label: labels.direct, value: declareAction(date, { state: 'direct' }) },
    { label: labels.off, value: declareAction(date, { state: 'off' }) },
  ];
}
