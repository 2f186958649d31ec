import { encodeSourceUrl } from '@/lib/content/source-url';
import { CODE_BLOCKS, ENGLISH, imageUrl, NOUNS, paragraph, PROMO, sentence, VERBS, type Rng } from './words';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Markdown blocks; MDX adds components and avoids `{` `<` in prose (MDX would read them as code). */
export function markdownBody(rng: Rng, title: string, targetBytes: number, mdx: boolean): string {
  const blocks: string[] = [];
  if (rng.chance(0.6)) blocks.push(`# ${title}`);
  let bytes = 0;
  let section = 0;
  const add = (block: string) => {
    blocks.push(block);
    bytes += Buffer.byteLength(block);
  };
  add(paragraph(rng));
  while (bytes < targetBytes) {
    if (rng.chance(0.45) || section === 0) {
      add(`## ${NUMERALS[section % 10]}、${rng.chance(0.3) ? `**${rng.pick(NOUNS)}${rng.pick(VERBS)}**` : `${rng.pick(NOUNS)}与${rng.pick(NOUNS)}`}`);
      section++;
    } else if (rng.chance(0.3)) add(`### ${rng.pick(ENGLISH)} ${rng.pick(NOUNS)}`);
    const kind = rng.next();
    if (kind < 0.45) add(paragraph(rng));
    else if (kind < 0.58) add(Array.from({ length: rng.int(2, 6) }, () => `- ${sentence(rng, true)}`).join('\n'));
    else if (kind < 0.68) add(Array.from({ length: rng.int(2, 6) }, (_, i) => `${i + 1}. ${sentence(rng, true)}`).join('\n'));
    else if (kind < 0.78) {
      if (mdx && rng.chance(0.5)) add(`<Figure src="${imageUrl(rng)}" alt="${rng.pick(NOUNS)}示意图" caption="${rng.pick(NOUNS)}" />`);
      else add(`![${rng.pick(NOUNS)}示意图](${imageUrl(rng)})`);
    } else if (kind < 0.86) {
      const [lang, code] = rng.pick(CODE_BLOCKS);
      add(`\`\`\`${lang}\n${code}\n\`\`\``);
    } else if (kind < 0.9) add(`> ${sentence(rng, false)}`);
    else if (kind < 0.93) {
      const rows = Array.from({ length: rng.int(2, 4) }, () => `| ${rng.pick(ENGLISH)} | ${rng.int(1, 99)} | ${rng.pick(NOUNS)} |`);
      add(['| 名称 | 数值 | 备注 |', '|---|---|---|', ...rows].join('\n'));
    } else if (mdx && kind < 0.97) {
      add(`<Callout type="${rng.pick(['info', 'tip', 'warning', 'danger'])}">\n${paragraph(rng)}\n</Callout>`);
    } else add(rng.chance(0.5) ? '---' : paragraph(rng));
  }
  if (rng.chance(0.3)) add(rng.pick(PROMO));
  return blocks.join('\n\n');
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(text: string): string {
  return escapeHtml(text).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`([^`]+)`/g, '<code>$1</code>');
}

/** The platform's HTML export: page chrome around `#content_views`, and the hidden source-URL element. */
export function platformHtmlBody(rng: Rng, title: string, date: string, targetBytes: number, sourceUrl: string): string {
  const parts: string[] = [];
  let bytes = 0;
  let section = 0;
  const add = (html: string) => {
    parts.push(`    ${html}`);
    bytes += Buffer.byteLength(html);
  };
  add('<svg xmlns="http://www.w3.org/2000/svg" style="display: none;"><path stroke-linecap="round" d="M5,0 0,2.5 5,5z" id="raphael-marker-block"></path></svg>');
  add('<p></p>');
  add(`<p>${inlineHtml(paragraph(rng))}</p>`);
  while (bytes < targetBytes) {
    if (rng.chance(0.4) || section === 0) {
      section++;
      add(`<h2><a id="${section}__${rng.int(1, 99)}"></a>${section}. ${rng.pick(NOUNS)}与${rng.pick(NOUNS)}</h2>`);
    }
    const kind = rng.next();
    if (kind < 0.55) add(`<p>${inlineHtml(paragraph(rng))}</p>`);
    else if (kind < 0.72) add(`<ul>${Array.from({ length: rng.int(2, 5) }, () => `<li>${inlineHtml(sentence(rng, true))}</li>`).join('')}</ul>`);
    else if (kind < 0.8) add(`<ol>${Array.from({ length: rng.int(2, 5) }, () => `<li>${inlineHtml(sentence(rng, true))}</li>`).join('')}</ol>`);
    else if (kind < 0.9) add(`<p><img src="${imageUrl(rng)}" alt="${rng.pick(NOUNS)}"></p>`);
    else {
      const [lang, code] = rng.pick(CODE_BLOCKS);
      add(`<pre><code class="language-${lang}">${escapeHtml(code)}</code></pre>`);
    }
    if (rng.chance(0.1)) add('<p><br/></p>');
  }
  return [
    '<div class="blog-content-box">',
    ' <div class="article-header-box">',
    '  <div class="article-header">',
    '   <div class="article-title-box">',
    `    <h1 class="title-article" id="articleContentId">${escapeHtml(title)}</h1>`,
    '   </div>',
    '   <div class="article-info-box">',
    `    <span class="time">于&nbsp;${date.slice(0, 19)}&nbsp;发布</span>`,
    '   </div>',
    '  </div>',
    ' </div>',
    ' <article class="baidu_pl">',
    '  <div id="article_content" class="article_content clearfix">',
    '   <link rel="stylesheet" href="../../assets/css/kdoc_html_views-1a98987dfd.css">',
    `   <div id="content_views" class="${rng.pick(['markdown_views prism-atom-one-dark', 'htmledit_views'])}">`,
    ...parts,
    '   </div>',
    '  </div>',
    ' </article>',
    `<p alt="${encodeSourceUrl(sourceUrl)}" class_="artid" style="display:none"></p>`,
    '</div>',
  ].join('\n');
}
