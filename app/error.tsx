'use client';

import { useEffect } from 'react';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="container">
      <h1>出错了</h1>
      <p>页面暂时无法显示，请稍后再试。{error.digest ? `（错误编号 ${error.digest}）` : null}</p>
      <button type="button" onClick={reset}>
        重试
      </button>
    </main>
  );
}
