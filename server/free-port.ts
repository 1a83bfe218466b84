import { createServer } from 'node:net';

/** A port on 127.0.0.1 that nothing listens on now, for a server started next (the local tools and tests). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}
