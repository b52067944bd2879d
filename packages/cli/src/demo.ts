import type { KaeruConfig } from '@kaeru/core';

/**
 * What `kaeru console` runs without a config file: one Japanese team of three, one of
 * whom speaks English, so both languages show up in the first minute.
 */
export const DEMO_CONFIG: KaeruConfig = {
  rooms: [
    {
      id: 'sales',
      name: '営業部',
      timeZone: 'Asia/Tokyo',
      locale: 'ja',
      hearingAt: '09:00',
      reportAt: '10:00',
      teiji: '18:00',
      members: ['yamada', 'tanaka', 'ken'],
    },
  ],
  members: [
    { id: 'yamada', name: '山田 洋子' },
    { id: 'tanaka', name: '田中 健' },
    { id: 'ken', name: 'Ken Smith', locale: 'en' },
  ],
};
