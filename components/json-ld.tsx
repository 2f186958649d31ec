interface JsonLdProps {
  data: Record<string, unknown>;
}

/** Structured data; `<` is escaped so no string in it can close the script element. */
export function JsonLd({ data }: JsonLdProps) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
