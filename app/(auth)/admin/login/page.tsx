import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoginForm } from '@/components/admin/login-form.client';
import '../../../(admin)/admin.css';

export const metadata: Metadata = { title: '登录后台', robots: { index: false } };

export default function LoginPage() {
  return (
    <main id="main" className="container auth-page">
      <h1>登录后台</h1>
      <Suspense>
        <LoginForm />
      </Suspense>
    </main>
  );
}
