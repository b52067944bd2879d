import { escapeCardMarkdown, renderActivity, renderText } from '@kaeru/adapter-teams';

describe('rendering for Teams', () => {
  it('a reply is escaped xml text with <br> line breaks: names cannot format, link or mention', () => {
    expect(renderText('山田 <at>all</at> & *boss*\n[x](https://evil)')).toEqual({ text: '山田 &lt;at&gt;all&lt;/at&gt; &amp; *boss*<br>[x](https://evil)', textFormat: 'xml' });
  });

  it('card text escapes markdown', () => {
    expect(escapeCardMarkdown('**boss** [click](https://evil) _x_')).toBe('\\*\\*boss\\*\\* \\[click\\]\\(https://evil\\) \\_x\\_');
    expect(escapeCardMarkdown('- not a list')).toBe('\\- not a list');
  });

  it('a hearing with eight buttons is a card with rows of four Action.Submit', () => {
    const buttons = Array.from({ length: 8 }, (_, i) => ({ label: `b${i}`, value: `kaeru:v${i}` }));
    const activity = renderActivity({ kind: 'hearing', text: '今日は何時に帰りますか？\n例: 18時半', locale: 'ja', buttons });
    const card = activity.attachments![0].content as { body: { type: string; actions?: unknown[] }[] };
    expect(activity.summary).toBe('今日は何時に帰りますか？');
    expect(card.body.filter((e) => e.type === 'ActionSet').map((e) => e.actions!.length)).toEqual([4, 4]);
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', weight: 'Bolder' });
  });

  it('a report is a full-width card even without buttons; a plain reply is text', () => {
    expect(renderActivity({ kind: 'report', text: '営業部\n山田 18:30', locale: 'ja' }).attachments?.[0].content).toMatchObject({ msteams: { width: 'Full' } });
    expect(renderActivity({ kind: 'reply', text: 'ok', locale: 'ja' })).toEqual({ type: 'message', text: 'ok', textFormat: 'xml' });
  });
});
