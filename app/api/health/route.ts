import { connection } from 'next/server';
import { db } from '@/lib/db';

/** For load balancers and our own start-up: 200 when the app can reach its database. */
export async function GET() {
  await connection();
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: 'ok' });
  } catch {
    return Response.json({ status: 'database unavailable' }, { status: 503 });
  }
}
