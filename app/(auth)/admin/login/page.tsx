import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { LoginForm } from '@/components/admin/login-form.client';
import '../../../(admin)/admin.css';
import '../../../(admin)/admin-editor.css';

export const metadata: Metadata = { title: '登录后台', robots: { index: false } };

// Rendered per request, so every script carries the request's nonce (proxy.ts).
export const instant = false;

export default async function LoginPage() {
  await connection();
  return (
    <main id="main" className="container auth-page">
      <h1>登录后台</h1>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
