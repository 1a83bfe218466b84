import { runJobs } from './_lib/jobs/run.ts';
import { tipline } from './_lib/tipline.ts';

/**
 * Netlify scheduled function, every minute: sends what the outbox holds (retrying failures),
 * escalates tips nobody has taken, and deletes conversations past the retention period. The local
 * server runs the same jobs on a timer.
 */
export default async function scheduled(): Promise<Response> {
  const result = await runJobs(await tipline());
  return Response.json(result);
}

export const config = { schedule: '* * * * *' };
