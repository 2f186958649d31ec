// Small hand-written SVG charts for the markdown report.
const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c'];
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (x: number, y: number, s: string, extra = '') => `<text x="${x}" y="${y}" ${extra}>${esc(s)}</text>`;

function svg(width: number, height: number, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

/** Latency per page against corpus size: p99 solid, p50 dashed; x evenly spaced (sizes grow tenfold). */
export function scaleChart(
  sizes: number[],
  series: { name: string; p50: number[]; p99: number[] }[],
  guide?: { value: number; label: string },
): string {
  const [w, h, left, right, top, bottom] = [520, 270, 44, 110, 26, 36];
  const max = Math.max(1, ...series.flatMap((s) => s.p99)) * 1.1;
  const x = (i: number) => left + (i * (w - left - right)) / Math.max(1, sizes.length - 1);
  const y = (v: number) => h - bottom - (v / max) * (h - top - bottom);
  const body: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (max * k) / 4;
    body.push(`<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" stroke="#e5e7eb"/>`, text(left - 6, y(v) + 4, v.toFixed(0), 'text-anchor="end"'));
  }
  sizes.forEach((s, i) => body.push(text(x(i), h - bottom + 16, `${s / 1000}k posts`, 'text-anchor="middle"')));
  body.push(text(4, 12, 'latency, ms', 'fill="#374151"'));
  if (guide && guide.value < max) {
    body.push(`<line x1="${left}" x2="${w - right}" y1="${y(guide.value)}" y2="${y(guide.value)}" stroke="#111" stroke-dasharray="2 4"/>`);
    body.push(text(w - right + 6, y(guide.value) + 4, guide.label, 'fill="#374151" font-size="10"'));
  }
  series.forEach((s, n) => {
    const color = COLORS[n % COLORS.length]!;
    for (const [values, dash] of [[s.p99, ''], [s.p50, 'stroke-dasharray="4 3"']] as const) {
      const points = values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
      body.push(`<polyline points="${points}" fill="none" stroke="${color}" stroke-width="2" ${dash}/>`);
      values.forEach((v, i) => body.push(`<circle cx="${x(i)}" cy="${y(v)}" r="2.5" fill="${color}"/>`));
    }
    body.push(`<line x1="${w - right + 12}" x2="${w - right + 28}" y1="${top + 10 + n * 16}" y2="${top + 10 + n * 16}" stroke="${color}" stroke-width="2"/>`);
    body.push(text(w - right + 32, top + 14 + n * 16, s.name));
  });
  body.push(text(w - right + 12, top + 14 + series.length * 16 + 8, 'solid p99, dashed p50', 'fill="#6b7280" font-size="10"'));
  return svg(w, h, body);
}

/** App throughput as a share of the static-bytes limit, per page, with the target line. */
export function ratioChart(bars: { name: string; ratio: number }[], target: number): string {
  const [w, left, right, row] = [520, 70, 50, 24];
  const h = bars.length * row + 40;
  const scale = Math.max(1, ...bars.map((b) => b.ratio));
  const x = (v: number) => left + (v / scale) * (w - left - right);
  const body: string[] = [];
  bars.forEach((b, i) => {
    const y = 10 + i * row;
    const color = b.ratio >= target ? '#16a34a' : '#dc2626';
    body.push(text(left - 6, y + 14, b.name, 'text-anchor="end"'));
    body.push(`<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(b.ratio) - left)}" height="${row - 8}" fill="${color}"/>`);
    body.push(text(x(b.ratio) + 4, y + 14, `${(b.ratio * 100).toFixed(1)}%`));
  });
  const ty = 10 + bars.length * row;
  body.push(`<line x1="${x(target)}" x2="${x(target)}" y1="6" y2="${ty}" stroke="#111" stroke-dasharray="4 3"/>`);
  body.push(text(x(target), ty + 14, `target ${target * 100}% of static limit`, 'text-anchor="middle" fill="#374151"'));
  return svg(w, h, body);
}
