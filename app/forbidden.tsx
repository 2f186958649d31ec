import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main" className="container">
      <h1>没有权限（403）</h1>
      <p>此页面或操作仅限管理员。</p>
      <p>
        <Link href="/admin">返回后台</Link>
      </p>
    </main>
  );
}
