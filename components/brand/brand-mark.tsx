/** The site's mark (a pen over a line, as in public/icon.svg) for generated images: no text, so no font to load. */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64">
      <rect width="64" height="64" rx="14" fill="#0b57d0" />
      <path d="M20 46 42 16l6 4-22 30-8 2z" fill="#fff" />
      <path d="M16 50h32" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
