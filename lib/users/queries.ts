import 'server-only';
import { db } from '@/lib/db';

export function listUsers() {
  return db.user.findMany({ orderBy: { id: 'asc' }, select: { id: true, email: true, name: true, role: true, disabled: true, lastSignInAt: true } });
}
