'use client';

import { signOut } from 'next-auth/react';
import { ClientButton } from './client-button.client';

export function SignOutButton() {
  return (
    <ClientButton type="button" className="link-button" data-guard-leave onClick={() => void signOut({ callbackUrl: '/admin/login' })}>
      退出
    </ClientButton>
  );
}
