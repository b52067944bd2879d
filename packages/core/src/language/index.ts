export { understand, MAX_UNDERSTOOD_LENGTH } from './understand';
export { normalizeText } from './normalize';
export type { DeclareUnderstanding, Intent, UnderstandContext, Understanding } from './types';
