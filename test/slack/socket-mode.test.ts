import { EventEmitter } from 'node:events';
import type { Incoming } from '@kaeru/core';
import { createSlackAdapter, type SocketClient, type SocketEnvelope } from '@kaeru/adapter-slack';
import { fixture } from './slack-harness';

/**
 * Socket Mode cannot reach Slack here and no WebSocket server library is installed,
 * so this stands in for `SocketModeClient` at its `slack_event` boundary: it checks the
 * envelopes take the same parse path as HTTP, are acknowledged, and are deduplicated.
 */
class FakeSocketClient extends EventEmitter implements SocketClient {
  started = false;
  disconnected = false;
  acks: string[] = [];
  async start() {
    this.started = true;
  }
  async disconnect() {
    this.disconnected = true;
  }
  deliver(type: string, body: unknown, envelopeId: string, retryNum?: number): void {
    const envelope: SocketEnvelope = { type, body, retry_num: retryNum, ack: async () => void this.acks.push(envelopeId) };
    this.emit('slack_event', envelope);
  }
}

describe('Socket Mode transport', () => {
  it('acknowledges each envelope and hands it to the same parser as HTTP', async () => {
    const socket = new FakeSocketClient();
    const slack = createSlackAdapter(
      { botToken: 'xoxb-1', appToken: 'xapp-1', transport: 'socket', attachProfiles: false },
      { socketClientFactory: () => socket },
    );
    const received: Incoming[] = [];
    await slack.start(async (incoming) => (received.push(incoming), []));
    expect(socket.started).toBe(true);
    expect(slack.routes()).toEqual([]);

    socket.deliver('events_api', fixture('message-im'), 'env-1');
    socket.deliver('events_api', fixture('message-im'), 'env-2', 1);
    const click = fixture('block-actions');
    click.actions[0].value = 'declare:2026-12-07:undecided';
    socket.deliver('interactive', click, 'env-3');
    socket.deliver('slash_commands', fixture('slash-command'), 'env-4');
    await slack.idle();

    expect(socket.acks).toEqual(['env-1', 'env-2', 'env-3', 'env-4']);
    expect(received.map((i) => [i.eventId, i.memberId, i.roomId, i.text ?? i.action])).toEqual([
      ['slack:Ev0IMMESSAGE1', 'slack:T1:U1', undefined, '18時半'],
      ['slack:action:T1:U1:1796605400.654321', 'slack:T1:U1', undefined, 'declare:2026-12-07:undecided'],
      ['slack:command:1796605600.111.aaa', 'slack:T1:U2', 'slack:T1:CSALES', 'report'],
    ]);
    await slack.stop();
    expect(socket.disconnected).toBe(true);
  });
});
