/**
 * GET /api/health: tells a load balancer or a person that the tip-line functions answer.
 * It reveals nothing else.
 */
export default async function health(_request: Request): Promise<Response> {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}

export const config = { path: '/api/health' };
