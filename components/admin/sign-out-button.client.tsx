'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="link-button" data-guard-leave onClick={() => void signOut({ callbackUrl: '/admin/login' })}>
      退出
    </button>
  );
}
