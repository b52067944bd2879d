import type { Understanding } from '../../packages/core/src/language';

export interface CorpusCase {
  /** `ja.tsv:12`: where the line is, for failure messages. */
  source: string;
  utterance: string;
  now: string;
  category: string;
  expected: Understanding;
  timeZone: string;
  teiji: string;
}

export function loadCorpus(file: string): CorpusCase[];
export function corpusFiles(): string[];
export function sameUnderstanding(actual: unknown, expected: unknown): boolean;
