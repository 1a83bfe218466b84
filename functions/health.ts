import { secured } from './_lib/secure-headers.ts';

/**
 * GET /api/health: tells a load balancer or a person that the tip-line functions answer.
 * It reveals nothing else.
 */
async function health(_request: Request): Promise<Response> {
  return Response.json({ status: 'ok' });
}

export default secured(health);

export const config = { path: '/api/health' };
