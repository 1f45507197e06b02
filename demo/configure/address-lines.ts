/**
 * An address shown as text that may break only after a «/» (configure.css, `#check-link`):
 * left to the browser, `…/?samtykke=sjekk` broke between «?» and «samtykke=sjekk», and a «?» at
 * the end of a line is easily missed when the owner types the address over.
 */

/** The address in pieces, each but the last ending in «/»; `//` stays in one piece. */
const addressPieces = (href: string): string[] => href.split(/(?<=\/)(?!\/)/);

/** Shows `href` in `link` as its pieces, each kept whole by the stylesheet. */
export function showAddress(link: HTMLAnchorElement, href: string): void {
  link.href = href;
  link.replaceChildren(
    ...addressPieces(href).map((piece) => {
      const span = document.createElement('span');
      span.textContent = piece;
      return span;
    }),
  );
}
