import { escapeMrkdwn, renderMessage, unescapeSlackText } from '@kaeru/adapter-slack';

describe('rendering for Slack', () => {
  it('escapes &, < and > so names cannot ping or link', () => {
    expect(escapeMrkdwn('<!channel> & <@U1> <https://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt; &lt;https://x|y&gt;');
    expect(unescapeSlackText(escapeMrkdwn('a<b>&c &amp;'))).toBe('a<b>&c &amp;');
  });

  it('escapes the section text of a hearing too, and keeps button labels plain', () => {
    const message = renderMessage({ kind: 'hearing', text: '<!here> 何時に帰る？', locale: 'ja', buttons: [{ label: '<!here>', value: 'v' }] });
    expect(message.text).toBe('&lt;!here&gt; 何時に帰る？');
    expect(message.blocks?.[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '&lt;!here&gt; 何時に帰る？' } });
    expect(message.blocks?.[1]).toMatchObject({ elements: [{ text: { type: 'plain_text', text: '<!here>' } }] });
  });

  it('sends plain replies as text only', () => {
    expect(renderMessage({ kind: 'reply', text: 'ok', locale: 'en' })).toEqual({ text: 'ok' });
  });

  it('keeps within Block Kit limits: 25 buttons per actions block, 75-char labels, 3000-char sections', () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ label: `${i}`.padEnd(100, 'x'), value: `v${i}` }));
    const long = Array.from({ length: 100 }, (_, i) => `${i} ${'y'.repeat(50)}`).join('\n');
    const message = renderMessage({ kind: 'report', text: long, locale: 'ja', buttons });
    const sections = message.blocks!.filter((b) => b.type === 'section');
    const actions = message.blocks!.filter((b) => b.type === 'actions');
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.type === 'section' && s.text.text.length).toBeLessThanOrEqual(3000);
    expect(actions.map((a) => (a.type === 'actions' ? a.elements.length : 0))).toEqual([25, 5]);
    expect(actions.flatMap((a) => (a.type === 'actions' ? a.elements.map((e) => e.action_id) : []))).toHaveLength(30);
    expect(actions[0].type === 'actions' && actions[0].elements[0].text.text.length).toBe(75);
  });
});
