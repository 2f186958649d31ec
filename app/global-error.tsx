'use client';

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main>
          <h1>出错了</h1>
          <p>网站暂时无法访问，请稍后再试。{error.digest ? `（错误编号 ${error.digest}）` : null}</p>
          <button type="button" onClick={reset}>
            重试
          </button>
        </main>
      </body>
    </html>
  );
}
