/** A QR code drawn as SVG in the page (no image fetched, nothing inline the CSP would refuse). */
import { useMemo } from "preact/hooks";
import { encode } from "uqr";

export function QrCode({ text, label }: { text: string; label: string }) {
  const qr = useMemo(() => encode(text, { ecc: "M", border: 2 }), [text]);
  const dark = useMemo(
    () => qr.data.flatMap((row, y) => row.map((on, x) => (on ? `M${x} ${y}h1v1h-1z` : ""))).join(""),
    [qr],
  );
  return (
    <svg
      class="staff-qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={dark} fill="#000" />
    </svg>
  );
}
