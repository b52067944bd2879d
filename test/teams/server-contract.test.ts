import type { HttpRoute } from '@kaeru/server';
import { createTeamsAdapter, type TeamsHttpRoute } from '@kaeru/adapter-teams';

/** The adapter repeats the server's route shapes instead of importing them; this keeps them assignable. */
describe('the Teams route fits @kaeru/server', () => {
  it('is an HttpRoute at POST /api/messages', () => {
    const routes: HttpRoute[] = createTeamsAdapter({ auth: 'disabled-for-local-testing', env: {} }).routes() satisfies TeamsHttpRoute[];
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/messages']);
  });
});
