import { splitLinks } from './text-links.ts';

// Message text as React text nodes; only http(s) URLs become links, opened without referrer.
export function MessageText({ text }: { text: string }) {
  return (
    <p className="message-text">
      {splitLinks(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
