// Lesson text arrives as HTML compiled and sanitized at build time from the
// course Markdown, so it is rendered as-is.
export function HtmlBlock(props: { html: string; class?: string; as?: 'div' | 'span' }) {
  return props.as === 'span' ? <span class={props.class} innerHTML={props.html} /> : <div class={props.class} innerHTML={props.html} />;
}
