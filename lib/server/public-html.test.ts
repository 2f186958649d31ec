import { describe, expect, it } from 'vitest';
import { needsRuntime, revealStreamedContent, stripScripts } from './public-html';

describe('public pages without scripts', () => {
  const page = [
    '<head><link rel="stylesheet" href="/_next/static/a.css" nonce="abc" data-precedence="next"/>',
    '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0.js"/>',
    '<script src="/_next/static/chunks/1.js" async="" nonce="abc"></script></head>',
    '<body><article><h1>标题</h1><p>正文 &lt;script&gt;</p></article>',
    '<script type="application/ld+json">{"@type":"BlogPosting"}</script>',
    '<script>requestAnimationFrame(function(){$RT=performance.now()});</script>',
    '<script nonce="abc">self.__next_f.push([1,"<p>正文</p>"])</script></body>',
  ].join('');

  it('drops every executable script, script preload and nonce, and keeps the content, styles and JSON-LD', () => {
    const out = stripScripts(page);
    expect(out).not.toMatch(/<script(?![^>]*ld\+json)/);
    expect(out).not.toContain('as="script"');
    expect(out).not.toContain('nonce=');
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/a.css" data-precedence="next"/>');
    expect(out).toContain('<article><h1>标题</h1><p>正文 &lt;script&gt;</p></article>');
    expect(out).toContain('<script type="application/ld+json">{"@type":"BlogPosting"}</script>');
  });

  it('spots a page whose content React reveals by script', () => {
    expect(needsRuntime(page)).toBe(false);
    expect(needsRuntime('<!--$?--><template id="B:0"></template><div hidden id="S:0">x</div><script>$RC("B:0","S:0")</script>')).toBe(true);
  });

  it('reveals streamed content on the server, as the browser would, so the page needs no script', () => {
    const streamed = [
      '<main><h1>搜索</h1><!--$?--><template id="B:0"></template><p>正在搜索…</p><!--/$--></main>',
      '<footer>页脚</footer>',
      '<div hidden id="S:0"><form><input name="q" value="RAG"/></form><div class="hits"><div>结果一</div></div></div>',
      '<script>$RC("B:0","S:0")</script>',
    ].join('');
    const revealed = revealStreamedContent(streamed);
    expect(revealed).toContain('<main><h1>搜索</h1><!--$--><form><input name="q" value="RAG"/></form><div class="hits"><div>结果一</div></div><!--/$--></main>');
    expect(revealed).not.toContain('正在搜索');
    expect(revealed).not.toContain('hidden id="S:0"');
    expect(needsRuntime(stripScripts(revealed!))).toBe(false);
  });

  it('leaves a page it cannot resolve to its scripts', () => {
    expect(revealStreamedContent('<div hidden id="S:0">x</div><script>$RC("B:0","S:0")</script>')).toBeNull();
    expect(revealStreamedContent('<!--$!--><template data-dgst="1"></template><!--/$--><script>$RX("B:0")</script>')).toBeNull();
  });
});
