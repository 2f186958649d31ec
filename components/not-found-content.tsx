import Link from 'next/link';

export function NotFoundContent() {
  return (
    <>
      <h1>页面不存在（404）</h1>
      <p>你要找的页面可能已被移动或删除。</p>
      <form action="/search" role="search" className="search-form">
        <label htmlFor="nf-q">搜索文章</label>
        <input id="nf-q" name="q" type="search" />
        <button type="submit">搜索</button>
      </form>
      <p>
        <Link href="/">回到首页</Link>
      </p>
    </>
  );
}
