import type { ComponentChildren, JSX } from "preact";

type Props = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, "href"> & {
  href: string;
  go: (href: string) => void;
  children: ComponentChildren;
};

/** A link to another view of the same queue: a real address (copied, opened in a tab), changed in place. */
export function AddressLink({ href, go, children, ...rest }: Props) {
  const onClick = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    go(href);
  };
  return (
    <a {...rest} href={href} onClick={onClick}>
      {children}
    </a>
  );
}
