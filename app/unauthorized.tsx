import Link from 'next/link';

export default function Unauthorized() {
  return (
    <main id="main" className="container">
      <h1>请先登录（401）</h1>
      <p>
        <Link href="/admin/login">前往登录</Link>
      </p>
    </main>
  );
}
