interface ArticleBodyProps {
  /** Compiled and sanitised when the post was saved (lib/render). */
  html: string;
}

export function ArticleBody({ html }: ArticleBodyProps) {
  return <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
